package com.servicecraft.learning;

import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.shared.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the completion rules need to know of the course as currently loaded: each module's lessons
 * and quiz attempts, and what completing the whole course requires (its row is {@link #COURSE}).
 */
public record CourseShape(String courseId, String courseVersion, List<Part> parts) implements java.io.Serializable {
    /** The id of the course's own part (the whole course, beside its modules). */
    public static final String COURSE = "COURSE";

    /** Content ids are validated by the loader; this also guards the benchmark's dump script, which writes them in. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    /**
     * One module, or the course: {@code lessonsRequired} completed lessons, {@code quizzesRequired}
     * passed module quizzes (course only), and a passed quiz (module quiz or post-course test) when
     * {@code quizRequired}; {@code attemptsAllowed} 0 means unlimited (such a quiz is never failed).
     */
    public record Part(String id, String title, String version, int order, int lessonsRequired, int quizzesRequired,
                       boolean quizRequired, int attemptsAllowed, List<String> lessonIds) implements java.io.Serializable {
        public Part {
            lessonIds = List.copyOf(lessonIds);
            if (!SAFE_ID.matcher(id).matches() || !SAFE_ID.matcher(version).matches()
                    || !lessonIds.stream().allMatch(l -> SAFE_ID.matcher(l).matches())) {
                throw new IllegalArgumentException("unsafe content id in " + id + "@" + version);
            }
        }

        public boolean isCourse() {
            return COURSE.equals(id);
        }
    }

    public CourseShape {
        parts = List.copyOf(parts);
    }

    public static CourseShape of(Course course, Language language) {
        List<Part> parts = new ArrayList<>();
        int order = 0;
        int lessons = 0;
        int quizzes = 0;
        Course.Completion rules = course.completion();
        for (CourseModule m : course.modules()) {
            boolean quiz = rules.requireModuleQuizzes() && m.hasQuiz();
            parts.add(new Part(m.id(), m.title().in(language), m.version(), ++order,
                    rules.requireAllLessons() ? m.lessons().size() : 0, 0, quiz, m.hasQuiz() ? m.quiz().attempts() : 0,
                    m.lessons().stream().map(com.servicecraft.content.Lesson::id).toList()));
            lessons += m.lessons().size();
            quizzes += quiz ? 1 : 0;
        }
        boolean postTest = rules.requirePostTest() && course.postTest() != null;
        parts.add(new Part(COURSE, course.title().in(language), course.version(), 1000,
                rules.requireAllLessons() ? lessons : 0, quizzes, postTest,
                course.postTest() == null ? 0 : course.postTest().attempts(), List.of()));
        return new CourseShape(course.id(), course.version(), parts);
    }

    public Optional<Part> part(String id) {
        return parts.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<Part> modules() {
        return parts.stream().filter(p -> !p.isCourse()).toList();
    }
}
