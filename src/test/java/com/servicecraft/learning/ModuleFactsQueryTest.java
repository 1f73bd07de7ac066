package com.servicecraft.learning;

import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.Lesson;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.SqlCounter;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Module and course standing computed from lesson progress and attempts, on H2 and MariaDB. */
class ModuleFactsQueryTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    private Transactions tx;
    private ModuleFactsQuery query;
    private Course course;
    private long wang;

    private void setUp(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("lesson_progress", "attempt", "attempt_grant", "app_user"));
        tx = new Transactions(db.entityManagerFactory());
        ContentRepository content = new ContentRepository(tx, new MutableClock(T0), TestUsers.admin());
        content.start(ContentFixture.copyOfSample().root());
        course = content.course();
        query = new ModuleFactsQuery(content);
        wang = trainee("wang");
    }

    private long trainee(String name) {
        return tx.inTransaction(em -> {
            User u = new User(new UserProfile(name, "E-" + name, name, name + "@example.com", null, null, Language.EN),
                    EnumSet.of(Role.TRAINEE), "pbkdf2-sha256$1$AAAA$AAAA", T0);
            em.persist(u);
            em.flush();
            return u.getId();
        });
    }

    private void read(long user, String moduleId, int minutesAfterT0, boolean completed) {
        for (Lesson l : course.module(moduleId).orElseThrow().lessons()) {
            Instant at = T0.plusSeconds(60L * minutesAfterT0);
            tx.run(em -> em.createNativeQuery("insert into lesson_progress (user_id, module_id, lesson_id, module_version,"
                            + " first_opened_at, last_seen_at, seconds_spent, completed_at, version) values (?, ?, ?, 'v', ?, ?, 120, ?, 0)")
                    .setParameter(1, user).setParameter(2, moduleId).setParameter(3, l.id()).setParameter(4, Timestamp.from(at))
                    .setParameter(5, Timestamp.from(at)).setParameter(6, completed ? Timestamp.from(at) : null).executeUpdate());
        }
    }

    private void attempt(long user, String kind, String source, int number, String status, Double score, boolean passed, int minutesAfterT0) {
        Instant at = T0.plusSeconds(60L * minutesAfterT0);
        tx.run(em -> em.createNativeQuery("insert into attempt (user_id, kind, source_id, attempt_number, status, mode, started_at,"
                        + " graded_at, score_percent, pass_mark, passed, current_position, version) values (?, ?, ?, ?, ?, 'TEST', ?, ?, ?, 60, ?, 0, 0)")
                .setParameter(1, user).setParameter(2, kind).setParameter(3, source).setParameter(4, number).setParameter(5, status)
                .setParameter(6, Timestamp.from(at)).setParameter(7, "GRADED".equals(status) ? Timestamp.from(at) : null)
                .setParameter(8, score).setParameter(9, "GRADED".equals(status) ? passed : null).executeUpdate());
    }

    private CourseFacts facts() {
        return tx.read(em -> query.forUser(em, wang));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTraineeWhoDidNothingHasNotStartedAndIsOverdueAfterTheDueDate(Kind kind) {
        setUp(kind);
        CourseFacts f = facts();
        ModuleFacts a = f.module("sample-a");
        assertEquals(3, a.lessonsTotal());
        assertEquals(0, a.lessonsCompleted());
        assertEquals(ProgressStatus.NOT_STARTED, a.status(TODAY, TODAY));
        assertEquals(ProgressStatus.OVERDUE, a.status(TODAY.minusDays(1), TODAY));
        assertEquals(ProgressStatus.NOT_STARTED, f.status(null, TODAY));
        assertNull(f.firstStartedAt());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void lessonsReadWithoutAPassedQuizIsInProgressAndTwoFailedAttemptsWaitForTheTrainerUntilTheDueDate(Kind kind) {
        setUp(kind);
        read(wang, "sample-a", 0, true);
        assertEquals(ProgressStatus.IN_PROGRESS, facts().module("sample-a").status(null, TODAY));

        attempt(wang, "MODULE_QUIZ", "sample-a", 1, "GRADED", 40.0, false, 10);
        attempt(wang, "MODULE_QUIZ", "sample-a", 2, "GRADED", 55.0, false, 20);
        ModuleFacts a = facts().module("sample-a");
        assertEquals(ProgressStatus.NEEDS_TRAINER, a.status(TODAY.plusDays(5), TODAY), "both allowed attempts used without a pass");
        assertEquals(ProgressStatus.FAILED, a.status(TODAY.minusDays(1), TODAY), "and the due date has passed");
        assertEquals(55.0, a.bestScore());
        assertEquals(55.0, a.lastScore());
        assertEquals(2, a.quizAttempts());
        assertEquals(ProgressStatus.NEEDS_TRAINER, facts().status(null, TODAY), "no due date: waits for the trainer");

        tx.run(em -> em.createNativeQuery("insert into attempt_grant (user_id, kind, source_id, extra_attempts, reason, granted_by, granted_at)"
                + " values (?, 'MODULE_QUIZ', 'sample-a', 1, 'illness', ?, ?)").setParameter(1, wang).setParameter(2, wang)
                .setParameter(3, Timestamp.from(T0)).executeUpdate());
        assertEquals(ProgressStatus.IN_PROGRESS, facts().module("sample-a").status(null, TODAY));
        assertEquals(3, facts().module("sample-a").quizAttemptsAllowed());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theCourseIsCompletedWhenEveryModuleAndThePostTestArePassedAtTheLastOfThoseMoments(Kind kind) {
        setUp(kind);
        read(wang, "sample-a", 0, true);
        attempt(wang, "MODULE_QUIZ", "sample-a", 1, "GRADED", 50.0, false, 10);
        attempt(wang, "MODULE_QUIZ", "sample-a", 2, "GRADED", 80.0, true, 20);
        read(wang, "sample-b", 30, true);
        attempt(wang, "MODULE_QUIZ", "sample-b", 1, "GRADED", 100.0, true, 40);
        CourseFacts before = facts();
        assertTrue(before.module("sample-a").completed());
        assertEquals(T0.plusSeconds(20 * 60), before.module("sample-a").completedAt(), "completed when the quiz was passed");
        assertEquals(360, before.module("sample-a").secondsSpent());
        assertFalse(before.completed(), "the post-course test is still missing");
        assertEquals(100, before.percent());

        attempt(wang, "POST_TEST", "post-test", 1, "GRADED", 75.0, true, 90);
        CourseFacts after = facts();
        assertTrue(after.completed());
        assertEquals(T0.plusSeconds(90 * 60), after.completedAt());
        assertEquals(75.0, after.postTestBestScore());
        assertEquals(ProgressStatus.COMPLETED, after.status(TODAY.minusDays(10), TODAY), "completed beats overdue");
        assertEquals(T0, after.firstStartedAt());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anOpenAttemptStartsTheModuleButDoesNotCountAsUsed(Kind kind) {
        setUp(kind);
        attempt(wang, "MODULE_QUIZ", "sample-a", 1, "GRADED", 10.0, false, 0);
        attempt(wang, "MODULE_QUIZ", "sample-a", 2, "IN_PROGRESS", null, false, 5);
        ModuleFacts a = facts().module("sample-a");
        assertEquals(1, a.quizAttempts());
        assertEquals(ProgressStatus.IN_PROGRESS, a.status(null, TODAY));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theStatementCountIsTheSameForTenAndForAThousandTrainees(Kind kind) {
        setUp(kind);
        List<Long> ten = new ArrayList<>();
        List<Long> thousand = new ArrayList<>();
        tx.run(em -> {
            for (int i = 0; i < 1000; i++) {
                User u = new User(new UserProfile("u" + i, "N" + i, "U " + i, "u" + i + "@example.com", null, null, Language.EN),
                        EnumSet.of(Role.TRAINEE), "pbkdf2-sha256$1$AAAA$AAAA", T0);
                em.persist(u);
                em.flush();
                if (i < 10) {
                    ten.add(u.getId());
                }
                thousand.add(u.getId());
            }
        });
        read(ten.get(0), "sample-a", 0, true);
        read(thousand.get(thousand.size() - 1), "sample-b", 0, false);

        tx.read(em -> query.forUsers(em, ten)); // warm-up: the course shape's rows are written on first use
        SqlCounter.reset();
        Map<Long, CourseFacts> small = tx.read(em -> query.forUsers(em, ten));
        int forTen = SqlCounter.statements().size();
        SqlCounter.reset();
        Map<Long, CourseFacts> large = tx.read(em -> query.forUsers(em, thousand));
        int forThousand = SqlCounter.statements().size();

        assertEquals(10, small.size());
        assertEquals(1000, large.size());
        assertEquals(1, forTen, "one statement: the completion rules for the chunk");
        assertEquals(forTen, forThousand);
        assertEquals(3, large.get(ten.get(0)).module("sample-a").lessonsCompleted());
        assertEquals(ProgressStatus.IN_PROGRESS, large.get(thousand.get(thousand.size() - 1)).module("sample-b").status(null, TODAY));
    }
}
