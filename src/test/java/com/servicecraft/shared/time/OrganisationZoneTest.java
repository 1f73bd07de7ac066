package com.servicecraft.shared.time;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrganisationZoneTest {

    @Test
    void anIanaNameIsTheZoneAndNothingMeansTheServersZone() {
        assertEquals(ZoneId.of("Asia/Shanghai"), OrganisationZone.parse(" Asia/Shanghai "));
        assertEquals(ZoneId.systemDefault(), OrganisationZone.parse(null));
        assertEquals(ZoneId.systemDefault(), OrganisationZone.parse(""));
    }

    @Test
    void aBadNameStopsTheStartNamingTheVariable() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OrganisationZone.parse("Mars/Olympus"));
        assertTrue(e.getMessage().startsWith("SERVICECRAFT_TIME_ZONE: 'Mars/Olympus'"), e.getMessage());
    }
}
