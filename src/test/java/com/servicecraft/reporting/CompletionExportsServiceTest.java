package com.servicecraft.reporting;

import com.servicecraft.audit.AuditEntry;
import com.servicecraft.audit.AuditLog;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.HrScopeService;
import com.servicecraft.shared.Language;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports through the service: the HR officer's department scope, and the audit trail. */
class CompletionExportsServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aScopedHrOfficerExportsOnlyTheirDepartmentsAndEveryExportIsAudited(Kind kind) throws Exception {
        var db = TestDatabases.get(kind);
        try (RecordsFixture fx = new RecordsFixture(db)) {
            var s = fx.scene();
            long officer = fx.trainee("H1", "HR officer", null);
            HrScopeService scopes = new HrScopeService(db, TestUsers.admin());
            scopes.setScope(officer, List.of(s.service()));
            AuditLog audit = new AuditLog(db, CLOCK);
            CompletionRecords records = new CompletionRecords(db, lang -> RecordsFixture.SHAPE, scopes, CLOCK);
            CompletionExports exports = new CompletionExports(records, audit, CLOCK);
            Viewer scoped = new Viewer(officer, "hr.scoped", false);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long rows = exports.write(scoped, CompletionFilter.ALL, CompletionExports.Format.CSV, Language.EN, AuditLog.WEB, () -> out);
            assertEquals(3, rows, "only the Service department's trainee");
            var csv = CSVFormat.RFC4180.parse(new StringReader(out.toString(StandardCharsets.UTF_8).substring(1))).getRecords();
            assertEquals(4, csv.size());
            assertEquals("Employee number", csv.get(0).get(0));
            assertTrue(csv.stream().skip(1).allMatch(r -> r.get(2).equals("Service")));
            assertEquals("'=HYPERLINK(\"http://evil\")", csv.get(1).get(0));

            ByteArrayOutputStream never = new ByteArrayOutputStream();
            assertThrows(AccessDeniedException.class, () -> exports.write(scoped, CompletionFilter.ALL.withDepartment(s.sales()),
                    CompletionExports.Format.XLSX, Language.EN, AuditLog.WEB, () -> never));
            assertEquals(0, never.size(), "nothing of another department is written");

            Viewer admin = new Viewer(1, "admin", true);
            assertEquals(7, exports.write(admin, CompletionFilter.ALL, CompletionExports.Format.XLSX, Language.ZH_CN, AuditLog.WEB,
                    ByteArrayOutputStream::new));
            exports.write(admin, CompletionFilter.ALL.withStatus(CompletionStatus.OVERDUE), CompletionExports.Format.PDF,
                    Language.ZH_CN, AuditLog.WEB, ByteArrayOutputStream::new);

            List<AuditEntry> log = audit.page(0, 10);
            assertEquals(4, log.size());
            AuditEntry pdf = log.get(0);
            assertEquals("admin", pdf.actorName());
            assertEquals("export.pdf", pdf.action());
            assertEquals("status=overdue", pdf.filters());
            assertEquals(1L, pdf.rowCount());
            assertEquals("ok", pdf.outcome());
            assertEquals(CLOCK.instant(), pdf.at());
            assertEquals("denied", log.get(2).outcome());
            assertEquals("department=" + s.sales(), log.get(2).filters());
            assertEquals("hr.scoped", log.get(3).actorName());
            assertEquals(3L, log.get(3).rowCount());
            assertEquals(4, audit.count());
        }
    }
    @ParameterizedTest
    @EnumSource(Kind.class)
    void anArchivedCohortKeepsItsRecordsAndIsMarkedInTheGroupFilter(Kind kind) throws Exception {
        var db = TestDatabases.get(kind);
        try (RecordsFixture fx = new RecordsFixture(db)) {
            var s = fx.scene();
            long trainer = fx.trainee("T2", "Trainer Two", null);
            long newer = fx.group("Cohort A", trainer);
            fx.exec("UPDATE training_group SET archived_at = CURRENT_TIMESTAMP WHERE id = " + s.cohort());
            CompletionRecords records = new CompletionRecords(db, lang -> RecordsFixture.SHAPE,
                    new HrScopeService(db, TestUsers.admin()), CLOCK);

            assertEquals(List.of(new CompletionRecords.GroupOption(newer, "Cohort A", false),
                    new CompletionRecords.GroupOption(s.cohort(), "Cohort A", true)), records.groups(), "active first, archived marked");
            CompletionExports exports = new CompletionExports(records, new AuditLog(db, CLOCK), CLOCK);
            var cohortOnly = new CompletionFilter(null, s.cohort(), null, null, null, null, null);
            assertEquals(6, exports.write(new Viewer(1, "admin", true), cohortOnly, CompletionExports.Format.CSV, Language.EN,
                    AuditLog.WEB, ByteArrayOutputStream::new), "its two trainees × (2 modules + the course) stay on record");
        }
    }
}
