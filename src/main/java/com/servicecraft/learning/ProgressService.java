package com.servicecraft.learning;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Lesson;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in trainee's reading progress through the course.
 * <p>
 * Opening a lesson (a page GET) never waits on a lock: it reads, and only the very first opening
 * inserts the row, ignoring the duplicate when parallel views race to insert it. Engaged time and
 * completion change through {@link #heartbeat} and {@link #completed}: a compare-and-set update on
 * the row's version in a single auto-committed statement, tried again when a parallel request
 * changed the row in between, so no request holds a row lock beyond its own statement.
 */
@ApplicationScoped
public class ProgressService {
    private static final int CHANGE_TRIES = 8;

    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ContentRepository content;
    private final ReadingTimeFactor factor;

    @Inject
    public ProgressService(Transactions tx, Clock clock, CurrentUser currentUser, ContentRepository content) {
        this(tx, clock, currentUser, content, ReadingTimeFactor.fromSettings());
    }

    public ProgressService(Transactions tx, Clock clock, CurrentUser currentUser, ContentRepository content, ReadingTimeFactor factor) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
        this.content = content;
        this.factor = factor;
    }

    /** Where the trainee stands on one lesson: engaged seconds so far, seconds needed, and whether it is read. */
    public record Reading(int spentSeconds, int requiredSeconds, boolean completed) implements java.io.Serializable {
        /** Seconds of engaged reading still needed before the lesson can be marked read (0 once it can). */
        public int secondsLeft() {
            return completed ? 0 : Math.max(0, requiredSeconds - spentSeconds);
        }
    }

    /** Records that the lesson was opened, without blocking: only the first opening writes. */
    public Reading opened(String moduleId, String lessonId) {
        SignedInUser me = currentUser.require();
        Lesson lesson = lesson(moduleId, lessonId);
        LessonProgress p = tx.read(em -> find(em, me.id(), lessonId)).orElse(null);
        if (p == null) {
            insertIfAbsent(me.id(), lesson, clock.instant());
            return new Reading(0, factor.requiredSeconds(lesson), false);
        }
        return reading(p, lesson);
    }

    /**
     * The lesson page's heartbeat: {@code resume} (page shown, reader active again) starts counting
     * from now; an ordinary heartbeat credits the time since the last one (see {@link LessonProgress#beat}).
     */
    public Reading heartbeat(String lessonId, boolean resume) {
        SignedInUser me = currentUser.require();
        Lesson lesson = CourseOutline.find(content.course(), lessonId).orElseThrow(() -> new UserInputException("lesson.notFound"));
        Instant now = clock.instant();
        return change(me.id(), lesson, p -> {
            if (resume) {
                p.resume(now);
            } else {
                p.beat(now);
            }
        });
    }

    /**
     * "I have read this lesson": completes it once the engaged time reaches the lesson's minimum.
     * The returned reading says whether it did ({@link Reading#completed()}) or how long is left.
     */
    public Reading completed(String moduleId, String lessonId) {
        SignedInUser me = currentUser.require();
        Lesson lesson = lesson(moduleId, lessonId);
        String version = content.course().module(moduleId).map(CourseModule::version).orElseThrow();
        Instant now = clock.instant();
        int required = factor.requiredSeconds(lesson);
        return change(me.id(), lesson, p -> p.complete(version, now, required));
    }

    private Reading reading(LessonProgress p, Lesson lesson) {
        return new Reading(p.getSecondsSpent(), factor.requiredSeconds(lesson), p.isCompleted());
    }

    /** Applies {@code change} to the trainee's row by compare-and-set on its version, creating the row first if needed. */
    private Reading change(long userId, Lesson lesson, Consumer<LessonProgress> change) {
        LessonProgress p = null;
        for (int i = 0; i < CHANGE_TRIES; i++) {
            p = tx.read(em -> find(em, userId, lesson.id())).orElse(null);
            if (p == null) {
                insertIfAbsent(userId, lesson, clock.instant());
                continue;
            }
            long expected = p.getVersion();
            change.accept(p);
            LessonProgress changed = p;
            int updated = tx.autocommit(em -> em.createNativeQuery("update lesson_progress set seconds_spent = ?, last_seen_at = ?,"
                            + " completed_at = ?, module_version = ?, version = version + 1 where id = ? and version = ?")
                    .setParameter(1, changed.getSecondsSpent()).setParameter(2, Timestamp.from(changed.getLastSeenAt()))
                    .setParameter(3, changed.getCompletedAt() == null ? null : Timestamp.from(changed.getCompletedAt()))
                    .setParameter(4, changed.getModuleVersion()).setParameter(5, changed.getId()).setParameter(6, expected)
                    .executeUpdate());
            if (updated == 1) {
                return reading(p, lesson);
            }
        }
        // Parallel requests kept changing the row (many tabs beating at once): theirs counted; show the stored state.
        LessonProgress stored = tx.read(em -> find(em, userId, lesson.id())).orElse(p);
        return stored == null ? new Reading(0, factor.requiredSeconds(lesson), false) : reading(stored, lesson);
    }

    /**
     * Inserts the trainee's row for the lesson unless it exists. A single auto-committed INSERT: when
     * a parallel request inserted it first, the unique key refuses ours and that is fine. Plain JDBC so
     * that the expected duplicate is not logged as an error.
     */
    private void insertIfAbsent(long userId, Lesson lesson, Instant now) {
        String version = content.course().module(lesson.moduleId()).map(CourseModule::version).orElseThrow();
        tx.autocommit(em -> em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into lesson_progress (user_id, module_id, lesson_id, module_version,"
                    + " first_opened_at, last_seen_at, seconds_spent, completed_at, version) values (?, ?, ?, ?, ?, ?, 0, null, 0)")) {
                Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
                st.setLong(1, userId);
                st.setString(2, lesson.moduleId());
                st.setString(3, lesson.id());
                st.setString(4, version);
                st.setTimestamp(5, Timestamp.from(now), utc);
                st.setTimestamp(6, Timestamp.from(now), utc);
                return st.executeUpdate();
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return 0;
                }
                throw e;
            }
        }));
    }

    private Lesson lesson(String moduleId, String lessonId) {
        Course course = content.course();
        return Optional.ofNullable(course).flatMap(c -> c.module(moduleId)).flatMap(m -> m.lesson(lessonId))
                .orElseThrow(() -> new UserInputException("lesson.notFound"));
    }

    private static Optional<LessonProgress> find(EntityManager em, long userId, String lessonId) {
        return em.createQuery("select p from LessonProgress p where p.userId = :u and p.lessonId = :l", LessonProgress.class)
                .setParameter("u", userId).setParameter("l", lessonId).getResultStream().findFirst();
    }

    /** Every lesson the signed-in trainee has touched, by lesson id. */
    public Map<String, LessonProgress> mine() {
        SignedInUser me = currentUser.require();
        return tx.read(em -> {
            Map<String, LessonProgress> m = new HashMap<>();
            em.createQuery("select p from LessonProgress p where p.userId = :u", LessonProgress.class)
                    .setParameter("u", me.id()).getResultList().forEach(p -> m.put(p.getLessonId(), p));
            return m;
        });
    }

    /** Where to continue: the first unread lesson after the most recently read one (or the first unread at all). */
    public Optional<Lesson> continueAt(Map<String, LessonProgress> progress) {
        Course course = content.course();
        if (course == null) {
            return Optional.empty();
        }
        List<Lesson> all = course.modules().stream().flatMap(m -> m.lessons().stream()).toList();
        int last = -1;
        Instant latest = null;
        for (int i = 0; i < all.size(); i++) {
            LessonProgress p = progress.get(all.get(i).id());
            if (p != null && (latest == null || p.getLastSeenAt().isAfter(latest))) {
                latest = p.getLastSeenAt();
                last = i;
            }
        }
        for (int k = 0; k < all.size(); k++) {
            Lesson candidate = all.get((Math.max(last, 0) + k) % all.size());
            LessonProgress p = progress.get(candidate.id());
            if (p == null || !p.isCompleted()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
