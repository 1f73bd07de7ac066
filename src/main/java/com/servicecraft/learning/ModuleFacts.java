package com.servicecraft.learning;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one trainee has done in one module of the current course: lessons read, time spent, module
 * quiz attempts and scores, and when the module was completed (all lessons read and, where the
 * course requires it, the module quiz passed).
 *
 * @param quizAttemptsAllowed 0 means unlimited; includes extra attempts a trainer granted
 */
public record ModuleFacts(long userId, String moduleId, int lessonsTotal, int lessonsCompleted, long secondsSpent,
                          Instant firstStartedAt, Instant lastActivityAt, boolean quizRequired, int quizAttempts,
                          int quizAttemptsAllowed, Double bestScore, Double lastScore, boolean quizPassed,
                          Instant completedAt) {

    public boolean completed() {
        return completedAt != null;
    }

    /** The module quiz cannot be passed any more without a trainer granting another attempt. */
    public boolean attemptsExhausted() {
        return !completed() && quizRequired && !quizPassed && quizAttemptsAllowed > 0 && quizAttempts >= quizAttemptsAllowed;
    }

    public int lessonPercent() {
        return lessonsTotal == 0 ? 100 : (int) (100L * lessonsCompleted / lessonsTotal);
    }

    /** The status against a due date ({@code null} when the module is not assigned with one): {@link ProgressStatus#of}. */
    public ProgressStatus status(LocalDate due, LocalDate today) {
        return ProgressStatus.of(completed(), attemptsExhausted(), firstStartedAt != null || quizAttempts > 0, due, today);
    }
}
