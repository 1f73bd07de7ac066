package com.servicecraft.reporting;

import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The completion rules and filters in SQL, on H2 and MariaDB. */
class CompletionQueryTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    private static CompletionQuery.Request all(CompletionFilter f) {
        return CompletionQuery.Request.of(RecordsFixture.SHAPE, f, null, TODAY);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyTraineeGetsOneRowPerAssignedModuleAndOneForTheCourse(Kind kind) throws Exception {
        var db = TestDatabases.get(kind);
        try (RecordsFixture fx = new RecordsFixture(db)) {
            var s = fx.scene();
            var q = new CompletionQuery(db.dataSource(), db.isMySql());
            List<CompletionRecord> rows = q.list(all(CompletionFilter.ALL), null, false, 0, 0);

            assertEquals(7, rows.size(), rows.toString());
            Instant d = RecordsFixture.T0.plusSeconds(86_400);
            CompletionRecord m1 = find(rows, s.zhang(), "m1");
            assertEquals(CompletionStatus.COMPLETED, m1.status());
            assertEquals(d.plusSeconds(2600), m1.completedAt(), "the later of the last lesson and the first pass");
            assertEquals(d, m1.firstStarted());
            assertEquals(80.0, m1.bestScore());
            assertEquals(80.0, m1.lastScore());
            assertEquals(2, m1.attempts());
            assertEquals(800, m1.secondsSpent());
            assertEquals("Cohort A", m1.group());
            assertEquals(LocalDate.parse("2026-12-31"), m1.dueDate());
            assertEquals("销售部", m1.department());
            assertEquals(90.0, m1.postTestScore());
            assertEquals(Boolean.TRUE, m1.postTestPassed());
            assertEquals("APPROVED", m1.actionPlanStatus());

            assertEquals(d.plusSeconds(3600), find(rows, s.zhang(), "m2").completedAt());
            CompletionRecord course = find(rows, s.zhang(), CompletionRecord.COURSE);
            assertEquals(CompletionStatus.COMPLETED, course.status());
            assertEquals(d.plusSeconds(5600), course.completedAt());
            assertEquals(90.0, course.bestScore(), "the course's score is the post-course test's");
            assertEquals(1400, course.secondsSpent());

            CompletionRecord failed = find(rows, s.mal(), "m1");
            assertEquals(CompletionStatus.NEEDS_TRAINER, failed.status(), "two graded attempts of two, no pass, before the due date");
            assertEquals(40.0, failed.bestScore());
            assertEquals(30.0, failed.lastScore());
            assertNull(failed.completedAt());
            assertEquals(CompletionStatus.NOT_STARTED, find(rows, s.mal(), "m2").status());
            assertEquals(CompletionStatus.NEEDS_TRAINER, find(rows, s.mal(), CompletionRecord.COURSE).status(),
                    "a module quiz without attempts left makes the course wait for the trainer (as ModuleFacts/CourseFacts say)");
            LocalDate afterDue = failed.dueDate().plusDays(1);
            List<CompletionRecord> later = q.list(CompletionQuery.Request.of(RecordsFixture.SHAPE, CompletionFilter.ALL, null, afterDue),
                    null, false, 0, 0);
            assertEquals(CompletionStatus.FAILED, find(later, s.mal(), "m1").status(), "failed once the due date has passed");
            assertEquals(CompletionStatus.FAILED, find(later, s.mal(), CompletionRecord.COURSE).status());
            assertEquals(CompletionStatus.OVERDUE, find(rows, s.late(), "m2").status());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void filtersTotalsScopesAndKeysetPagingAgree(Kind kind) throws Exception {
        var db = TestDatabases.get(kind);
        try (RecordsFixture fx = new RecordsFixture(db)) {
            var s = fx.scene();
            var q = new CompletionQuery(db.dataSource(), db.isMySql());

            Map<CompletionStatus, Long> totals = q.totals(all(CompletionFilter.ALL));
            assertEquals(Map.of(CompletionStatus.COMPLETED, 3L, CompletionStatus.NEEDS_TRAINER, 2L, CompletionStatus.NOT_STARTED, 1L,
                    CompletionStatus.IN_PROGRESS, 0L, CompletionStatus.OVERDUE, 1L, CompletionStatus.FAILED, 0L), totals);
            assertEquals(3, q.list(all(CompletionFilter.ALL.withStatus(CompletionStatus.COMPLETED)), null, false, 0, 0).size());
            assertEquals(4, q.list(all(CompletionFilter.ALL.withDepartment(s.sales())), null, false, 0, 0).size());
            assertEquals(6, q.list(all(new CompletionFilter(null, s.cohort(), null, null, null, null, null)), null, false, 0, 0).size());
            assertEquals(3, q.list(all(new CompletionFilter(null, null, "m2", null, null, null, null)), null, false, 0, 0).size());
            assertEquals(3, q.list(all(new CompletionFilter(null, null, null, null, LocalDate.parse("2026-10-02"),
                    LocalDate.parse("2026-10-02"), null)), null, false, 0, 0).size(), "m1, m2 and the course completed that day");
            assertEquals(0, q.list(all(new CompletionFilter(null, null, null, null, LocalDate.parse("2026-10-03"),
                    null, null)), null, false, 0, 0).size());
            assertEquals(0, q.list(all(new CompletionFilter(null, null, null, null, null, null,
                    Instant.parse("2026-10-03T00:00:00Z"))), null, false, 0, 0).size(), "nothing changed since");

            var scoped = new CompletionQuery.Request(RecordsFixture.SHAPE, CompletionFilter.ALL, Set.of(s.service()), TODAY, null, false, false);
            List<CompletionRecord> visible = q.list(scoped, null, false, 0, 0);
            assertEquals(3, visible.size());
            assertTrue(visible.stream().allMatch(r -> r.userId() == s.mal()));

            List<CompletionRecord> pageOne = new java.util.ArrayList<>();
            q.stream(all(CompletionFilter.ALL), null, false, null, 0, 3, pageOne::add);
            CompletionRecord last = pageOne.get(2);
            List<CompletionRecord> rest = new java.util.ArrayList<>();
            q.stream(all(CompletionFilter.ALL), null, false, new CompletionQuery.Cursor(last.userId(), last.order()), 0, 100, rest::add);
            assertEquals(4, rest.size());
            assertEquals(q.list(all(CompletionFilter.ALL), null, false, 0, 0).subList(3, 7), rest);

            var chunked = new CompletionQuery(db.dataSource(), db.isMySql(), 2);
            assertEquals(q.list(all(CompletionFilter.ALL), null, false, 0, 0), chunked.list(all(CompletionFilter.ALL), null, false, 0, 0),
                    "two trainees per statement: the same rows in the same order");
            List<CompletionRecord> afterCursor = new java.util.ArrayList<>();
            chunked.stream(all(CompletionFilter.ALL), null, false, new CompletionQuery.Cursor(last.userId(), last.order()), 0, 3, afterCursor::add);
            assertEquals(rest.subList(0, 3), afterCursor);

            List<CompletionRecord> byName = q.list(all(CompletionFilter.ALL), CompletionQuery.SortField.NAME, true, 0, 2);
            assertEquals("张伟", byName.get(0).name());
            assertEquals(2, q.byDepartment(all(CompletionFilter.ALL)).size());
        }
    }

    private static CompletionRecord find(List<CompletionRecord> rows, long user, String module) {
        return rows.stream().filter(r -> r.userId() == user && r.moduleId().equals(module)).findFirst().orElseThrow();
    }
}
