package com.servicecraft.learning;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one status rule: used-up attempts wait for the trainer until the due date, and fail only after it. */
class ProgressStatusTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    @Test
    void usedUpAttemptsNeedTheTrainerBeforeTheDueDateAndFailAfterIt() {
        assertEquals(ProgressStatus.NEEDS_TRAINER, ProgressStatus.of(false, true, true, TODAY.plusWeeks(3), TODAY),
                "weeks before the due date the course is not failed");
        assertEquals(ProgressStatus.NEEDS_TRAINER, ProgressStatus.of(false, true, true, TODAY, TODAY), "on the due date");
        assertEquals(ProgressStatus.NEEDS_TRAINER, ProgressStatus.of(false, true, true, null, TODAY), "no due date: never failed by itself");
        assertEquals(ProgressStatus.FAILED, ProgressStatus.of(false, true, true, TODAY.minusDays(1), TODAY));
    }

    @Test
    void theOtherStatuses() {
        assertEquals(ProgressStatus.COMPLETED, ProgressStatus.of(true, false, true, TODAY.minusDays(1), TODAY));
        assertEquals(ProgressStatus.OVERDUE, ProgressStatus.of(false, false, true, TODAY.minusDays(1), TODAY));
        assertEquals(ProgressStatus.IN_PROGRESS, ProgressStatus.of(false, false, true, TODAY.plusDays(1), TODAY));
        assertEquals(ProgressStatus.NOT_STARTED, ProgressStatus.of(false, false, false, null, TODAY));
    }

    @Test
    void aModuleWithItsQuizAttemptsUsedUpWaitsForTheTrainer() {
        ModuleFacts m = new ModuleFacts(1, "m1", 3, 3, 600, java.time.Instant.EPOCH, java.time.Instant.EPOCH, true, 2, 2, 40.0, 40.0,
                false, null, true, true);
        assertEquals(ProgressStatus.NEEDS_TRAINER, m.status(TODAY.plusWeeks(3), TODAY));
        CourseFacts c = new CourseFacts(1, java.util.Map.of("m1", m), true, 0, 1, null, null, false, null, null,
                false, true, true, java.time.Instant.EPOCH, 600);
        assertEquals(ProgressStatus.NEEDS_TRAINER, c.status(TODAY.plusWeeks(3), TODAY), "the course waits, it has not failed");
        assertEquals(java.util.List.of(new CourseFacts.WaitingQuiz("m1")), c.quizzesWaitingForTrainer());
        assertEquals(ProgressStatus.FAILED, c.status(TODAY.minusDays(1), TODAY));
    }
}
