package com.servicecraft.learning;

import com.servicecraft.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accrual rule of engaged reading time, with a clock the test moves (no sleeping). */
class LessonProgressTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final LessonProgress p = new LessonProgress(1, "m1", "m1-l01", "v1", clock.instant());

    @Test
    void regularHeartbeatsAddUpToExactlyTheTimeThatPassedFractionsIncluded() {
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofMillis(15_400));
            p.beat(clock.instant());
        }
        assertEquals(616, p.getSecondsSpent(), "40 × 15.4 s");
    }

    @Test
    void aFloodOfHeartbeatsAddsNothingBeyondTheTimeThatPassed() {
        clock.advance(Duration.ofSeconds(15));
        p.beat(clock.instant());
        for (int i = 0; i < 1000; i++) {
            clock.advance(Duration.ofMillis(1));
            p.beat(clock.instant());
        }
        assertEquals(16, p.getSecondsSpent(), "15 s, then 1,000 heartbeats within one second");
    }

    @Test
    void aLongSilenceCreditsAtMostOneCappedInterval() {
        clock.advance(Duration.ofHours(8));
        assertEquals(LessonProgress.MAX_CREDIT.getSeconds(), p.beat(clock.instant()));
        clock.advance(Duration.ofSeconds(15));
        assertEquals(15, p.beat(clock.instant()), "counting goes on from the late heartbeat");
        assertEquals(35, p.getSecondsSpent());
    }

    @Test
    void resumingCreditsNothingAndTheNextHeartbeatCountsFromThere() {
        clock.advance(Duration.ofMinutes(30));
        p.resume(clock.instant());
        assertEquals(0, p.getSecondsSpent());
        clock.advance(Duration.ofSeconds(15));
        p.beat(clock.instant());
        assertEquals(15, p.getSecondsSpent());
    }

    @Test
    void aClockThatGoesBackCreditsNothing() {
        clock.advance(Duration.ofSeconds(15));
        p.beat(clock.instant());
        assertEquals(0, p.beat(clock.instant().minusSeconds(10)));
        assertEquals(15, p.getSecondsSpent());
    }

    @Test
    void completionIsRefusedUntilTheRequiredTimeIsReachedAndKeepsItsFirstMoment() {
        clock.advance(Duration.ofSeconds(15));
        p.beat(clock.instant());
        clock.advance(Duration.ofSeconds(10));
        assertFalse(p.complete("v2", clock.instant(), 30), "15 s + 10 s of the click are not 30 s");
        assertEquals(25, p.getSecondsSpent());
        assertEquals(5, p.secondsLeft(30));
        clock.advance(Duration.ofSeconds(5));
        assertTrue(p.complete("v2", clock.instant(), 30));
        Instant completedAt = clock.instant();
        assertEquals("v2", p.getModuleVersion());
        clock.advance(Duration.ofSeconds(15));
        assertTrue(p.complete("v3", clock.instant(), 30));
        assertEquals(completedAt, p.getCompletedAt());
        assertEquals("v2", p.getModuleVersion());
    }

    @Test
    void aLessonWithoutMinimumCanBeCompletedAtOnce() {
        assertTrue(p.complete("v1", clock.instant(), 0));
    }
}
