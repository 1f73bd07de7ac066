package com.servicecraft.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One trainee's standing in the whole course: every module's facts plus the post-course test. The
 * course is completed when every module is and, where the course requires it, the post-test is passed.
 *
 * @param modules by module id, in course order
 */
public record CourseFacts(long userId, Map<String, ModuleFacts> modules, boolean postTestRequired, int postTestAttempts,
                          int postTestAttemptsAllowed, Double postTestBestScore, Double postTestLastScore,
                          boolean postTestPassed, Instant postTestPassedAt, Instant completedAt) {

    public ModuleFacts module(String moduleId) {
        return modules.get(moduleId);
    }

    public boolean completed() {
        return completedAt != null;
    }

    public boolean failed() {
        return !completed() && postTestRequired && !postTestPassed && postTestAttemptsAllowed > 0
                && postTestAttempts >= postTestAttemptsAllowed;
    }

    public Instant firstStartedAt() {
        return modules.values().stream().map(ModuleFacts::firstStartedAt).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    public long secondsSpent() {
        return modules.values().stream().mapToLong(ModuleFacts::secondsSpent).sum();
    }

    public int modulesCompleted() {
        return (int) modules.values().stream().filter(ModuleFacts::completed).count();
    }

    public int percent() {
        return modules.isEmpty() ? 0 : 100 * modulesCompleted() / modules.size();
    }

    public ProgressStatus status(LocalDate due, LocalDate today) {
        if (completed()) {
            return ProgressStatus.COMPLETED;
        }
        if (failed() || modules.values().stream().anyMatch(ModuleFacts::failed)) {
            return ProgressStatus.FAILED;
        }
        if (due != null && today.isAfter(due)) {
            return ProgressStatus.OVERDUE;
        }
        boolean started = postTestAttempts > 0 || modules.values().stream()
                .anyMatch(m -> m.firstStartedAt() != null || m.quizAttempts() > 0);
        return started ? ProgressStatus.IN_PROGRESS : ProgressStatus.NOT_STARTED;
    }
}
