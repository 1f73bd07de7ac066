package com.servicecraft.content;

import com.servicecraft.shared.LocalizedText;
import com.servicecraft.question.Question;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A module as loaded: lessons in reading order, its question bank, practice exercises and quiz
 * settings. {@code version} is a hash of the module's files: any edit makes a new version.
 */
public record CourseModule(String id, String version, LocalizedText title, LocalizedText summary,
                           List<Lesson> lessons, List<Question> questions, List<Exercise> exercises,
                           QuizSettings quiz) implements Serializable {
    public CourseModule {
        lessons = List.copyOf(lessons);
        questions = List.copyOf(questions);
        exercises = List.copyOf(exercises);
    }

    public Optional<Lesson> lesson(String lessonId) {
        return lessons.stream().filter(l -> l.id().equals(lessonId)).findFirst();
    }

    public Optional<Exercise> exercise(String exerciseId) {
        return exercises.stream().filter(e -> e.id().equals(exerciseId)).findFirst();
    }

    public boolean hasQuiz() {
        return quiz != null && !questions.isEmpty();
    }
}
