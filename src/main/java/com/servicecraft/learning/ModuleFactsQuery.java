package com.servicecraft.learning;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Lesson;
import com.servicecraft.shared.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes {@link CourseFacts} for many trainees at once with three SQL statements per chunk of
 * {@value #CHUNK} trainees (lesson progress, quiz and post-test attempts, granted extra attempts), so a
 * dashboard or an export costs the same number of statements for 10 trainees as for 1,000.
 * Lessons and modules that are no longer in the served course do not count.
 */
@ApplicationScoped
public class ModuleFactsQuery {
    static final int CHUNK = 2_000;
    private static final String POST_TEST = "post-test";

    private final ContentRepository content;

    @Inject
    public ModuleFactsQuery(ContentRepository content) {
        this.content = content;
    }

    /** Facts for each given user on the course being served now (an empty map when no course is loaded). */
    public Map<Long, CourseFacts> forUsers(EntityManager em, Collection<Long> userIds) {
        return of(content.course(), em, userIds);
    }

    public CourseFacts forUser(EntityManager em, long userId) {
        return forUsers(em, List.of(userId)).get(userId);
    }

    public static Map<Long, CourseFacts> of(Course course, EntityManager em, Collection<Long> userIds) {
        Map<Long, CourseFacts> result = new HashMap<>();
        if (course == null || userIds.isEmpty()) {
            return result;
        }
        List<Long> ids = List.copyOf(Set.copyOf(userIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            result.putAll(chunk(course, em, chunk));
        }
        return result;
    }

    private record LessonRow(long userId, String moduleId, String lessonId, Instant firstOpened, Instant lastSeen,
                             long seconds, Instant completedAt) {
    }

    private record AttemptRow(long userId, String kind, String sourceId, String status, Double score, boolean passed,
                              Instant startedAt, Instant gradedAt) {
    }

    private static Map<Long, CourseFacts> chunk(Course course, EntityManager em, List<Long> ids) {
        Map<Long, List<LessonRow>> lessons = rows(em, "select user_id, module_id, lesson_id, first_opened_at, last_seen_at,"
                + " seconds_spent, completed_at from lesson_progress where user_id in (:ids)", ids).stream()
                .map(r -> new LessonRow(SqlValues.lng(r[0]), (String) r[1], (String) r[2], SqlValues.instant(r[3]),
                        SqlValues.instant(r[4]), SqlValues.lng(r[5]), SqlValues.instant(r[6])))
                .collect(Collectors.groupingBy(LessonRow::userId));
        Map<Long, List<AttemptRow>> attempts = rows(em, "select user_id, kind, source_id, status, score_percent, passed, started_at,"
                + " graded_at from attempt where user_id in (:ids) and kind in ('MODULE_QUIZ', 'POST_TEST')"
                + " order by user_id, kind, source_id, attempt_number", ids).stream()
                .map(r -> new AttemptRow(SqlValues.lng(r[0]), (String) r[1], (String) r[2], (String) r[3], SqlValues.dbl(r[4]),
                        SqlValues.bool(r[5]), SqlValues.instant(r[6]), SqlValues.instant(r[7])))
                .collect(Collectors.groupingBy(AttemptRow::userId));
        Map<String, Integer> extra = new HashMap<>();
        for (Object[] r : rows(em, "select user_id, kind, source_id, sum(extra_attempts) from attempt_grant where user_id in (:ids)"
                + " group by user_id, kind, source_id", ids)) {
            extra.put(SqlValues.lng(r[0]) + "|" + r[1] + "|" + r[2], (int) SqlValues.lng(r[3]));
        }

        Map<Long, CourseFacts> result = new HashMap<>();
        for (long id : ids) {
            result.put(id, facts(course, id, lessons.getOrDefault(id, List.of()), attempts.getOrDefault(id, List.of()), extra));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, String sql, List<Long> ids) {
        return (List<Object[]>) em.createNativeQuery(sql).setParameter("ids", ids).getResultList();
    }

    private static CourseFacts facts(Course course, long userId, List<LessonRow> lessonRows, List<AttemptRow> attemptRows,
                                     Map<String, Integer> extra) {
        Map<String, ModuleFacts> modules = new LinkedHashMap<>();
        for (CourseModule m : course.modules()) {
            modules.put(m.id(), module(course, m, userId, lessonRows, attemptRows, extra));
        }
        boolean postRequired = course.completion().requirePostTest() && course.postTest() != null;
        List<AttemptRow> post = attemptRows.stream().filter(a -> "POST_TEST".equals(a.kind()) && POST_TEST.equals(a.sourceId())).toList();
        Scores scores = Scores.of(post);
        int postAllowed = course.postTest() == null || course.postTest().attempts() == 0 ? 0
                : course.postTest().attempts() + extra.getOrDefault(userId + "|POST_TEST|" + POST_TEST, 0);
        Instant completedAt = null;
        if (!modules.isEmpty() && modules.values().stream().allMatch(ModuleFacts::completed) && (!postRequired || scores.passed())) {
            completedAt = modules.values().stream().map(ModuleFacts::completedAt).max(Instant::compareTo).orElseThrow();
            if (postRequired && scores.passedAt().isAfter(completedAt)) {
                completedAt = scores.passedAt();
            }
        }
        return new CourseFacts(userId, modules, postRequired, scores.finished(), postAllowed, scores.best(), scores.last(),
                scores.passed(), scores.passedAt(), completedAt);
    }

    private static ModuleFacts module(Course course, CourseModule m, long userId, List<LessonRow> lessonRows,
                                      List<AttemptRow> attemptRows, Map<String, Integer> extra) {
        Set<String> current = m.lessons().stream().map(Lesson::id).collect(Collectors.toSet());
        List<LessonRow> mine = lessonRows.stream().filter(l -> l.moduleId().equals(m.id()) && current.contains(l.lessonId())).toList();
        List<AttemptRow> quiz = attemptRows.stream().filter(a -> "MODULE_QUIZ".equals(a.kind()) && m.id().equals(a.sourceId())).toList();
        int done = (int) mine.stream().filter(l -> l.completedAt() != null).count();
        long seconds = mine.stream().mapToLong(LessonRow::seconds).sum();
        Instant first = min(mine.stream().map(LessonRow::firstOpened), quiz.stream().map(AttemptRow::startedAt));
        Instant last = max(mine.stream().map(LessonRow::lastSeen), quiz.stream().map(AttemptRow::gradedAt));
        boolean quizRequired = course.completion().requireModuleQuizzes() && m.hasQuiz();
        Scores scores = Scores.of(quiz);
        int allowed = !m.hasQuiz() || m.quiz().attempts() == 0 ? 0
                : m.quiz().attempts() + extra.getOrDefault(userId + "|MODULE_QUIZ|" + m.id(), 0);
        boolean lessonsDone = !course.completion().requireAllLessons() || done == m.lessons().size();
        Instant completedAt = null;
        if (lessonsDone && (!quizRequired || scores.passed())) {
            completedAt = max(mine.stream().map(LessonRow::completedAt), java.util.stream.Stream.of(quizRequired ? scores.passedAt() : null));
            if (completedAt == null) {
                completedAt = first;
            }
        }
        return new ModuleFacts(userId, m.id(), m.lessons().size(), done, seconds, first, last, quizRequired, scores.finished(),
                allowed, scores.best(), scores.last(), scores.passed(), completedAt);
    }

    /** Scores of finished attempts; the pass counts from the first passing attempt. */
    private record Scores(int finished, Double best, Double last, boolean passed, Instant passedAt) {
        static Scores of(List<AttemptRow> attempts) {
            List<AttemptRow> finished = new ArrayList<>(attempts.stream().filter(a -> !"IN_PROGRESS".equals(a.status())).toList());
            List<AttemptRow> graded = finished.stream().filter(a -> "GRADED".equals(a.status()) && a.score() != null).toList();
            Double best = graded.stream().map(AttemptRow::score).max(Double::compareTo).orElse(null);
            Double last = graded.isEmpty() ? null : graded.get(graded.size() - 1).score();
            Instant passedAt = graded.stream().filter(AttemptRow::passed).map(AttemptRow::gradedAt)
                    .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
            return new Scores(finished.size(), best, last, passedAt != null, passedAt);
        }
    }

    @SafeVarargs
    private static Instant min(java.util.stream.Stream<Instant>... streams) {
        return java.util.stream.Stream.of(streams).flatMap(s -> s).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    @SafeVarargs
    private static Instant max(java.util.stream.Stream<Instant>... streams) {
        return java.util.stream.Stream.of(streams).flatMap(s -> s).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
