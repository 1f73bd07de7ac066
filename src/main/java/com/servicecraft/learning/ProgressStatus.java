package com.servicecraft.learning;

import java.time.LocalDate;

/** Where a trainee stands on a module or the course, as trainees, trainers and HR see it. */
public enum ProgressStatus {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    OVERDUE,
    /** Failed: the attempts are used up without a pass and the due date has passed. */
    FAILED,
    /**
     * The attempts at a required quiz (or the post-course test) are used up without a pass, and
     * the due date has not passed (or there is none): only a trainer granting another attempt
     * moves the trainee on. It becomes {@link #FAILED} once the due date has passed.
     */
    NEEDS_TRAINER;

    /**
     * The one status rule, for modules and the course alike ({@code reporting.CompletionQuery}
     * computes the same in SQL; a test keeps the two equal).
     *
     * @param attemptsExhausted a required quiz's attempts (granted ones included) are used up without a pass
     * @param due               the due date, or null when there is none
     */
    public static ProgressStatus of(boolean completed, boolean attemptsExhausted, boolean started, LocalDate due, LocalDate today) {
        boolean pastDue = due != null && today.isAfter(due);
        if (completed) {
            return COMPLETED;
        }
        if (attemptsExhausted) {
            return pastDue ? FAILED : NEEDS_TRAINER;
        }
        if (pastDue) {
            return OVERDUE;
        }
        return started ? IN_PROGRESS : NOT_STARTED;
    }
}
