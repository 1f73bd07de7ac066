package com.servicecraft.learning;

import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Lesson;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A trainee's view of the course: each module with its lessons and how far they are. */
public record CourseOutline(List<ModuleProgress> modules) {

    public record ModuleProgress(CourseModule module, List<LessonState> lessons) {
        public int percent() {
            return lessons.isEmpty() ? 0 : (int) (100 * lessons.stream().filter(LessonState::completed).count() / lessons.size());
        }

        public long completedCount() {
            return lessons.stream().filter(LessonState::completed).count();
        }
    }

    public record LessonState(Lesson lesson, boolean opened, boolean completed) {
    }

    public static CourseOutline of(Course course, Map<String, LessonProgress> progress) {
        if (course == null) {
            return new CourseOutline(List.of());
        }
        return new CourseOutline(course.modules().stream().map(m -> new ModuleProgress(m, m.lessons().stream()
                .map(l -> {
                    LessonProgress p = progress.get(l.id());
                    return new LessonState(l, p != null, p != null && p.isCompleted());
                }).toList())).toList());
    }

    /** The lessons of the whole course in reading order. */
    public static List<Lesson> readingOrder(Course course) {
        return course.modules().stream().flatMap(m -> m.lessons().stream()).toList();
    }

    public static Optional<Lesson> find(Course course, String lessonId) {
        return course == null ? Optional.empty() : readingOrder(course).stream().filter(l -> l.id().equals(lessonId)).findFirst();
    }
}
