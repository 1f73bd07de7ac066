package com.servicecraft.content;

import com.servicecraft.shared.LocalizedText;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The course: its modules in order (only those that loaded), completion rules and post-course test. */
public record Course(String id, String version, LocalizedText title, LocalizedText summary, List<CourseModule> modules,
                     Completion completion, String selfAssessment, String actionPlan, PostTest postTest)
        implements Serializable {

    public record Completion(boolean requireAllLessons, boolean requireModuleQuizzes, boolean requirePostTest)
            implements Serializable {
    }

    public record PostTest(int minutes, Map<String, Integer> perModule, int passMark, int attempts, boolean shuffle,
                           QuizSettings.ReviewOptions review) implements Serializable {
        public PostTest {
            perModule = Map.copyOf(perModule);
        }
    }

    public Course {
        modules = List.copyOf(modules);
    }

    public Optional<CourseModule> module(String moduleId) {
        return modules.stream().filter(m -> m.id().equals(moduleId)).findFirst();
    }

    public Optional<Exercise> exercise(String exerciseId) {
        return modules.stream().flatMap(m -> m.exercises().stream()).filter(e -> e.id().equals(exerciseId)).findFirst();
    }
}
