package com.servicecraft.reporting;

import com.servicecraft.learning.CourseShape;
import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Lesson;
import com.servicecraft.shared.Language;
import com.servicecraft.learning.CourseFacts;
import com.servicecraft.learning.ModuleFacts;
import com.servicecraft.learning.ModuleFactsQuery;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming SQL of the exports and the shared calculator ({@link ModuleFactsQuery}) give the
 * same status, completion time, scores, attempts and time for a varied population of trainees. Both
 * run the same completion rules ({@code learning/course-facts.sql}); this catches a divergence in what
 * each adds: the HR rows and status ladder in SQL, the reading of the rows and {@code ProgressStatus.of} in Java.
 */
class CompletionQueryAgreesWithModuleFactsTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyRowAgreesWithTheCalculator(Kind kind) throws Exception {
        Database db = TestDatabases.get(kind);
        try (RecordsFixture fx = new RecordsFixture(db)) {
            Transactions tx = new Transactions(db.entityManagerFactory());
            ContentRepository content = new ContentRepository(tx, new MutableClock(RecordsFixture.T0), TestUsers.admin());
            content.start(ContentFixture.copyOfSample().root());
            Course course = content.course();
            Random random = new Random(7);
            Map<Long, LocalDate> due = new HashMap<>();
            List<Long> users = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                long u = fx.trainee("A" + i, "Trainee " + i, null);
                users.add(u);
                LocalDate d = TODAY.plusDays(random.nextInt(21) - 10);
                due.put(u, d);
                fx.assignToUser(u, null, LocalDate.parse("2026-10-01"), d, u);
                Instant t = RecordsFixture.T0.plusSeconds(random.nextInt(100_000));
                for (CourseModule m : course.modules()) {
                    for (Lesson l : m.lessons()) {
                        int r = random.nextInt(4);
                        if (r > 0) {
                            t = t.plusSeconds(60 + random.nextInt(600));
                            fx.lesson(u, m.id(), l.id(), t, r > 1 ? t.plusSeconds(120) : null, 30 + random.nextInt(300));
                        }
                    }
                    if (m.hasQuiz()) {
                        int n = random.nextInt(4);
                        for (int k = 1; k <= n; k++) {
                            t = t.plusSeconds(900);
                            boolean open = k == n && random.nextInt(5) == 0;
                            double score = random.nextInt(101);
                            fx.attempt(u, "MODULE_QUIZ", m.id(), k, t, open ? null : score, open ? null : score >= m.quiz().passMark());
                        }
                    }
                }
                if (random.nextInt(3) > 0) {
                    double score = 40 + random.nextInt(61);
                    fx.attempt(u, "POST_TEST", "post-test", 1, t.plusSeconds(3600), score, score >= course.postTest().passMark());
                }
                if (random.nextInt(8) == 0) {
                    fx.insert("INSERT INTO attempt_grant (user_id, kind, source_id, extra_attempts, reason, granted_by, granted_at)"
                            + " VALUES (?, 'MODULE_QUIZ', 'sample-a', 1, 'test', ?, ?)", u, u, RecordsFixture.ts(RecordsFixture.T0));
                }
            }

            CompletionQuery q = new CompletionQuery(db.dataSource(), db.isMySql());
            List<CompletionRecord> rows = q.list(CompletionQuery.Request.of(CourseShape.of(course, Language.EN), CompletionFilter.ALL,
                    null, TODAY), null, false, 0, 0);
            Map<Long, CourseFacts> facts = tx.read(em -> new ModuleFactsQuery(content).of(course, em, users));

            assertEquals(users.size() * (course.modules().size() + 1), rows.size());
            Map<String, Integer> seen = new HashMap<>();
            for (CompletionRecord r : rows) {
                CourseFacts f = facts.get(r.userId());
                String where = "user " + r.userId() + " " + r.moduleId();
                if (r.isCourse()) {
                    assertEquals(f.status(due.get(r.userId()), TODAY).name(), r.status().name(), where);
                    assertEquals(f.completedAt(), r.completedAt(), where);
                    assertEquals(f.postTestBestScore(), r.bestScore(), where);
                    assertEquals(f.postTestLastScore(), r.lastScore(), where);
                    assertEquals(f.postTestAttempts(), r.attempts(), where);
                    assertEquals(f.secondsSpent(), r.secondsSpent(), where);
                    assertEquals(f.firstStartedAt(), r.firstStarted(), where);
                } else {
                    ModuleFacts m = f.module(r.moduleId());
                    assertEquals(m.status(due.get(r.userId()), TODAY).name(), r.status().name(), where);
                    assertEquals(m.completedAt(), r.completedAt(), where);
                    assertEquals(m.bestScore(), r.bestScore(), where);
                    assertEquals(m.lastScore(), r.lastScore(), where);
                    assertEquals(m.quizAttempts(), r.attempts(), where);
                    assertEquals(m.secondsSpent(), r.secondsSpent(), where);
                    assertEquals(m.firstStartedAt(), r.firstStarted(), where);
                }
                seen.merge(r.status().name(), 1, Integer::sum);
            }
            System.out.println("statuses in the agreement fixture (" + kind + "): " + seen);
            assertTrue(seen.containsKey("NEEDS_TRAINER") && seen.containsKey("FAILED"),
                    "used-up attempts before and after the due date are both in the fixture: " + seen);
        }
    }
}
