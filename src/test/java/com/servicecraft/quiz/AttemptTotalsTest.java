package com.servicecraft.quiz;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attempt adds up its items itself, the same after submission and after a trainer's grade. */
class AttemptTotalsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static Attempt attempt(int passMark) {
        return new Attempt(7, AttemptKind.MODULE_QUIZ, "m1", 1, Attempt.Mode.TEST, passMark, NOW, null);
    }

    private static AttemptItem item(int position, String type, Double fraction) {
        AttemptItem i = new AttemptItem(1, position, "m1", "v1", "q" + position, type, null);
        if (fraction != null) {
            i.graded(fraction, null, NOW);
        }
        return i;
    }

    @Test
    void scoredItemsCountOnePointEachAndUnscoredOnesNothing() {
        Attempt a = attempt(60);
        List<AttemptItem> items = List.of(item(0, "single-choice", 1.0), item(1, "multiple-choice", 0.5), item(2, "self-rating", null));
        a.total(items, i -> !i.getQuestionType().equals("self-rating"), NOW);
        assertEquals(AttemptStatus.GRADED, a.getStatus());
        assertEquals(1.5, a.getPoints());
        assertEquals(2.0, a.getMaxPoints());
        assertEquals(75.0, a.getScorePercent());
        assertTrue(a.getPassed());
        assertEquals(NOW, a.getGradedAt());
    }

    @Test
    void writtenWorkWithoutAGradeKeepsTheAttemptWaitingForItsTrainer() {
        Attempt a = attempt(60);
        List<AttemptItem> items = List.of(item(0, "single-choice", 1.0), item(1, "free-text", null));
        a.total(items, i -> true, NOW);
        assertEquals(AttemptStatus.AWAITING_TRAINER, a.getStatus());
        assertNull(a.getScorePercent(), "no score before the trainer's grade");
        assertNull(a.getPassed());

        items.get(1).gradedByTrainer(0.1, null, null, 3, NOW);
        a.total(items, i -> true, NOW);
        assertEquals(AttemptStatus.GRADED, a.getStatus());
        assertEquals(55.0, a.getScorePercent());
        assertEquals(false, a.getPassed(), "below the pass mark of 60");
    }

    @Test
    void anAttemptWithNothingScoredPasses() {
        Attempt a = attempt(80);
        a.total(List.of(item(0, "self-rating", null)), i -> false, NOW);
        assertEquals(AttemptStatus.GRADED, a.getStatus());
        assertNull(a.getScorePercent());
        assertTrue(a.getPassed());
    }
}
