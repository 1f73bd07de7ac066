package com.servicecraft.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failed sign-ins slow the next attempt down, growing and capped, never a lock for good. */
class LoginThrottleEntryTest {
    private final Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
    private final ThrottleRule rule = ThrottleRule.ACCOUNT;

    @Test
    void theFirstFailuresAreFreeThenEachFurtherAttemptWaitsLongerUpToTheCap() {
        LoginThrottleEntry e = new LoginThrottleEntry("user:wang", t0);
        for (int i = 0; i < 4; i++) {
            e.recordFailure(t0.plusSeconds(i), rule);
            assertFalse(e.mustWait(t0.plusSeconds(i)), "failure " + (i + 1) + " is free");
        }
        Instant t = t0.plusSeconds(10);
        e.recordFailure(t, rule);
        assertTrue(e.mustWait(t.plusSeconds(14)));
        assertFalse(e.mustWait(t.plusSeconds(15)), "the wait after the fifth failure is 15 s, then the next attempt counts");

        Duration previous = Duration.ofSeconds(15);
        for (int i = 0; i < 10; i++) {
            t = e.getNextAttemptAt();
            e.recordFailure(t, rule);
            Duration wait = Duration.between(t, e.getNextAttemptAt());
            assertTrue(wait.compareTo(previous) >= 0, "the wait never shrinks while failures go on");
            assertTrue(wait.compareTo(rule.maxDelay()) <= 0, "and is capped");
            previous = wait;
        }
        assertEquals(rule.maxDelay(), previous);
        assertFalse(e.mustWait(t.plus(rule.maxDelay())), "even after many failures the account opens again after the cap");
    }

    @Test
    void aQuietHourStartsANewCount() {
        LoginThrottleEntry e = new LoginThrottleEntry("user:wang", t0);
        for (int i = 0; i < 6; i++) {
            e.recordFailure(e.getNextAttemptAt(), rule);
        }
        Instant later = e.getNextAttemptAt().plus(rule.resetAfter());
        e.recordFailure(later, rule);
        assertEquals(1, e.getFailures());
        assertFalse(e.mustWait(later));
    }

    @Test
    void delaysDouble() {
        assertEquals(Duration.ZERO, rule.delayAfter(4));
        assertEquals(Duration.ofSeconds(15), rule.delayAfter(5));
        assertEquals(Duration.ofSeconds(30), rule.delayAfter(6));
        assertEquals(Duration.ofSeconds(60), rule.delayAfter(7));
        assertEquals(rule.maxDelay(), rule.delayAfter(1_000));
    }
}
