package com.servicecraft.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleEntryTest {
    private final Instant t0 = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void fiveFailuresInTheWindowLockTheName() {
        LoginThrottleEntry e = new LoginThrottleEntry("wang", t0);
        for (int i = 0; i < 4; i++) {
            e.recordFailure(t0.plusSeconds(i));
        }
        assertFalse(e.isLocked(t0.plusSeconds(5)));
        e.recordFailure(t0.plusSeconds(5));
        assertTrue(e.isLocked(t0.plusSeconds(6)));
        assertFalse(e.isLocked(t0.plusSeconds(5).plus(LoginThrottleEntry.LOCK).plusSeconds(1)));
    }

    @Test
    void failuresOutsideTheWindowStartANewCount() {
        LoginThrottleEntry e = new LoginThrottleEntry("wang", t0);
        for (int i = 0; i < 4; i++) {
            e.recordFailure(t0.plusSeconds(i));
        }
        Instant later = t0.plus(LoginThrottleEntry.WINDOW).plus(Duration.ofMinutes(1));
        e.recordFailure(later);
        assertFalse(e.isLocked(later));
    }
}
