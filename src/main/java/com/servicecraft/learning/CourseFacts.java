package com.servicecraft.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One trainee's standing in the whole course: every module's facts plus the post-course test. The
 * course is completed when the required lessons and module quizzes are and, where the course requires
 * it, the post-test is passed: the rules are {@code course-facts.sql}'s ({@link ModuleFactsQuery}).
 *
 * @param modules           by module id, in course order
 * @param postTestExhausted the post-course test cannot be passed any more without a trainer granting another attempt
 * @param attemptsExhausted the post-course test or a required module quiz waits for a trainer to grant another attempt
 * @param started           a lesson was opened or an attempt made
 * @param firstStartedAt    the first lesson opened or quiz attempt started in the course
 * @param secondsSpent      the time spent in the course's lessons
 */
public record CourseFacts(long userId, Map<String, ModuleFacts> modules, boolean postTestRequired, int postTestAttempts,
                          int postTestAttemptsAllowed, Double postTestBestScore, Double postTestLastScore,
                          boolean postTestPassed, Instant postTestPassedAt, Instant completedAt,
                          boolean postTestExhausted, boolean attemptsExhausted, boolean started, Instant firstStartedAt,
                          long secondsSpent) {

    public ModuleFacts module(String moduleId) {
        return modules.get(moduleId);
    }

    public boolean completed() {
        return completedAt != null;
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

    public int modulesCompleted() {
        return (int) modules.values().stream().filter(ModuleFacts::completed).count();
    }

    public int percent() {
        return modules.isEmpty() ? 0 : 100 * modulesCompleted() / modules.size();
    }

    /** The status against a due date: {@link ProgressStatus#of}. */
    public ProgressStatus status(LocalDate due, LocalDate today) {
        return ProgressStatus.of(completed(), attemptsExhausted, started, due, today);
    }
}
