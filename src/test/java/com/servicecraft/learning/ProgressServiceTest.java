package com.servicecraft.learning;

import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson progress on H2 and MariaDB: parallel views never wait on a lock nor fail, engaged time is
 * exact under parallel heartbeats, and "I have read it" waits for the lesson's minimum.
 */
class ProgressServiceTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final String MODULE = "sample-a";
    private static final String LESSON = "sa-l01";
    private static final int MIN_READ = 40;

    private final TickingClock clock = new TickingClock(T0);
    private Transactions tx;
    private ContentRepository content;
    private ProgressService progress;
    private long wang;

    private void setUp(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("lesson_progress", "app_user"));
        tx = new Transactions(db.entityManagerFactory());
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(ContentFixture.copyOfSample()
                .replace("sample-a/01-first.en.md", "minutes: 5", "minutes: 5\nminReadSeconds: " + MIN_READ)
                .replace("sample-a/01-first.zh-CN.md", "minutes: 5", "minutes: 5\nminReadSeconds: " + MIN_READ).root());
        wang = tx.inTransaction(em -> {
            User u = new User(new UserProfile("wang", "E-wang", "wang", "wang@example.com", null, null, Language.EN),
                    EnumSet.of(Role.TRAINEE), "pbkdf2-sha256$1$AAAA$AAAA", T0);
            em.persist(u);
            em.flush();
            return u.getId();
        });
        progress = new ProgressService(tx, clock, TestUsers.signedIn(wang, "wang", Role.TRAINEE), content, new ReadingTimeFactor(1));
    }

    /** A test clock that stands still, or moves on by a millisecond at every reading, as real time does between requests. */
    static final class TickingClock extends MutableClock {
        private volatile boolean ticking;

        TickingClock(Instant start) {
            super(start);
        }

        void ticking(boolean on) {
            ticking = on;
        }

        @Override
        public synchronized Instant instant() {
            if (ticking) {
                advance(Duration.ofMillis(1));
            }
            return super.instant();
        }
    }

    private LessonProgress row() {
        return tx.read(em -> em.createQuery("select p from LessonProgress p where p.userId = :u and p.lessonId = :l", LessonProgress.class)
                .setParameter("u", wang).setParameter("l", LESSON).getSingleResult());
    }

    private long rows() {
        return tx.read(em -> em.createQuery("select count(p) from LessonProgress p where p.userId = :u", Long.class)
                .setParameter("u", wang).getSingleResult());
    }

    /** Runs the calls all at once (released together) and returns their results; any failure fails the test. */
    private static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            stop(pool);
        }
    }

    /** Lets running calls end by themselves: interrupting a thread inside H2's file I/O closes the database. */
    private static void stop(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(120, TimeUnit.SECONDS);
    }

    private static <T> List<Callable<T>> times(int n, Callable<T> call) {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call);
        }
        return calls;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twentyParallelFirstViewsOfOneLessonAllSucceedAndLeaveOneRow(Kind kind) throws Exception {
        setUp(kind);
        clock.ticking(true);
        List<ProgressService.Reading> seen = inParallel(times(20, () -> progress.opened(MODULE, LESSON)));
        assertEquals(20, seen.size());
        seen.forEach(r -> assertEquals(MIN_READ, r.secondsLeft()));
        assertEquals(1, rows());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void viewsAndHeartbeatsInParallelAllSucceed(Kind kind) throws Exception {
        setUp(kind);
        progress.opened(MODULE, LESSON);
        clock.ticking(true);
        List<Callable<ProgressService.Reading>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(i % 2 == 0 ? () -> progress.opened(MODULE, LESSON) : () -> progress.heartbeat(LESSON, false));
        }
        assertEquals(20, inParallel(calls).size());
        assertEquals(1, rows());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void viewingALessonAgainWritesNothing(Kind kind) {
        setUp(kind);
        progress.opened(MODULE, LESSON);
        LessonProgress first = row();
        clock.advance(Duration.ofMinutes(5));
        progress.opened(MODULE, LESSON);
        LessonProgress again = row();
        assertEquals(first.getVersion(), again.getVersion());
        assertEquals(first.getLastSeenAt(), again.getLastSeenAt());
        assertEquals(0, again.getSecondsSpent());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aViewDoesNotWaitWhileAnotherTransactionHoldsTheRowLock(Kind kind) throws Exception {
        setUp(kind);
        progress.opened(MODULE, LESSON);
        EntityManager holder = tx.entityManagerFactory().createEntityManager();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            holder.getTransaction().begin();
            assertEquals(1, holder.createNativeQuery("update lesson_progress set seconds_spent = seconds_spent where user_id = ?")
                    .setParameter(1, wang).executeUpdate());
            clock.advance(Duration.ofSeconds(5));
            // While the row is locked, a view returns (a blocked one would wait for the lock timeout, then fail).
            Future<ProgressService.Reading> view = other.submit(() -> progress.opened(MODULE, LESSON));
            assertEquals(MIN_READ, view.get(30, TimeUnit.SECONDS).secondsLeft());
        } finally {
            holder.getTransaction().rollback();
            holder.close();
            stop(other);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twentyParallelHeartbeatsCreditTheTimeThatPassedOnce(Kind kind) throws Exception {
        setUp(kind);
        progress.opened(MODULE, LESSON);
        progress.heartbeat(LESSON, true);
        clock.advance(Duration.ofSeconds(15));
        List<ProgressService.Reading> results = inParallel(times(20, () -> progress.heartbeat(LESSON, false)));
        assertEquals(20, results.size());
        assertEquals(15, row().getSecondsSpent(), "two tabs or a flood of heartbeats add nothing beyond the time that passed");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void markingReadIsRefusedUntilTheEngagedTimeIsReachedAndHrSeesTheSameTime(Kind kind) {
        setUp(kind);
        progress.opened(MODULE, LESSON);
        progress.heartbeat(LESSON, true);
        clock.advance(Duration.ofSeconds(15));
        progress.heartbeat(LESSON, false);
        ProgressService.Reading refused = progress.completed(MODULE, LESSON);
        assertFalse(refused.completed());
        assertEquals(MIN_READ - 15, refused.secondsLeft());
        assertFalse(row().isCompleted());

        clock.advance(Duration.ofMinutes(20));
        progress.heartbeat(LESSON, true);
        assertEquals(MIN_READ - 15, progress.opened(MODULE, LESSON).secondsLeft(), "a tab left open while away counts nothing");
        clock.advance(Duration.ofSeconds(15));
        progress.heartbeat(LESSON, false);
        clock.advance(Duration.ofSeconds(10));
        ProgressService.Reading done = progress.completed(MODULE, LESSON);
        assertTrue(done.completed());
        assertEquals(MIN_READ, row().getSecondsSpent());
        assertEquals(T0.plus(Duration.ofMinutes(20)).plusSeconds(40), row().getCompletedAt());

        long hrSeconds = tx.read(em -> new ModuleFactsQuery(content).forUser(em, wang)).module(MODULE).secondsSpent();
        assertEquals(MIN_READ, hrSeconds, "trainers and HR see the engaged time");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withTheFactorZeroALessonCanBeMarkedReadAtOnce(Kind kind) {
        setUp(kind);
        ProgressService quick = new ProgressService(tx, clock, TestUsers.signedIn(wang, "wang", Role.TRAINEE), content, new ReadingTimeFactor(0));
        quick.opened(MODULE, LESSON);
        assertTrue(quick.completed(MODULE, LESSON).completed());
    }
}
