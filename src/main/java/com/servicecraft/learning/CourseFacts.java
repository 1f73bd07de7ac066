package com.servicecraft.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    /** The post-course test cannot be passed any more without a trainer granting another attempt. */
    public boolean postTestExhausted() {
        return !completed() && postTestRequired && !postTestPassed && postTestAttemptsAllowed > 0
                && postTestAttempts >= postTestAttemptsAllowed;
    }

    /** The post-course test or a required module quiz waits for a trainer to grant another attempt. */
    public boolean attemptsExhausted() {
        return !completed() && (postTestExhausted() || modules.values().stream().anyMatch(ModuleFacts::attemptsExhausted));
    }

    /** A required quiz whose attempts are used up without a pass; a null module id is the post-course test. */
    public record WaitingQuiz(String moduleId) {
        public boolean postTest() {
            return moduleId == null;
        }
    }

    /** The quizzes that wait for a trainer to grant another attempt: module quizzes in course order, then the post-course test. */
    public List<WaitingQuiz> quizzesWaitingForTrainer() {
        List<WaitingQuiz> out = new ArrayList<>();
        modules.values().stream().filter(ModuleFacts::attemptsExhausted).forEach(m -> out.add(new WaitingQuiz(m.moduleId())));
        if (postTestExhausted()) {
            out.add(new WaitingQuiz(null));
        }
        return out;
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

    /** The status against a due date: {@link ProgressStatus#of}. */
    public ProgressStatus status(LocalDate due, LocalDate today) {
        boolean started = postTestAttempts > 0 || modules.values().stream()
                .anyMatch(m -> m.firstStartedAt() != null || m.quizAttempts() > 0);
        return ProgressStatus.of(completed(), attemptsExhausted(), started, due, today);
    }
}
