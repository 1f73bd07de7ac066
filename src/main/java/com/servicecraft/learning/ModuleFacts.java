package com.servicecraft.learning;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one trainee has done in one module of the current course: lessons read, time spent, module
 * quiz attempts and scores, and when the module was completed (all lessons read and, where the
 * course requires it, the module quiz passed).
 *
 * Every value, the rule-made ones included, comes from the completion rules ({@code course-facts.sql}
 * through {@link ModuleFactsQuery}).
 *
 * @param quizAttemptsAllowed 0 means unlimited; includes extra attempts a trainer granted
 * @param attemptsExhausted   the module quiz cannot be passed any more without a trainer granting another attempt
 * @param started             a lesson was opened or a quiz attempt made
 */
public record ModuleFacts(long userId, String moduleId, int lessonsTotal, int lessonsCompleted, long secondsSpent,
                          Instant firstStartedAt, Instant lastActivityAt, boolean quizRequired, int quizAttempts,
                          int quizAttemptsAllowed, Double bestScore, Double lastScore, boolean quizPassed,
                          Instant completedAt, boolean attemptsExhausted, boolean started) {

    public boolean completed() {
        return completedAt != null;
    }

    public int lessonPercent() {
        return lessonsTotal == 0 ? 100 : (int) (100L * lessonsCompleted / lessonsTotal);
    }

    /** The status against a due date ({@code null} when the module is not assigned with one): {@link ProgressStatus#of}. */
    public ProgressStatus status(LocalDate due, LocalDate today) {
        return ProgressStatus.of(completed(), attemptsExhausted, started, due, today);
    }
}
