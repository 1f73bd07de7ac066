package com.servicecraft.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemporaryPasswordsTest {
    @Test
    void passwordsAreLongRandomAndDistinct() {
        TemporaryPasswords p = new TemporaryPasswords(Duration.ofDays(7));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String s = p.generate();
            assertTrue(s.matches("[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}"), s);
            seen.add(s);
        }
        assertEquals(1_000, seen.size());
    }

    @Test
    void aPasswordExpiresAfterItsValidity() {
        Instant t = Instant.parse("2026-12-01T08:00:00Z");
        assertEquals(t.plus(Duration.ofDays(3)), new TemporaryPasswords(Duration.ofDays(3)).expiry(t));
    }
}
