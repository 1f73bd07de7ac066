package com.servicecraft.reporting;

import com.servicecraft.audit.AuditLog;
import com.servicecraft.identity.HrScopeService;
import com.servicecraft.shared.Language;
import com.servicecraft.reporting.export.CompletionColumns;
import com.servicecraft.reporting.export.CsvCompletionWriter;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For the same filter, the HR preview, the CSV, the XLSX, the PDF summary and the API show the
 * same rows: the same trainees × parts, under the same group. A trainee in two groups is counted
 * in each group for what that group assigned, and the PDF names the filter's group and department.
 */
class EveryExportShowsThePreviewRowsTest {
    private static final int EMPLOYEE = 0;
    private static final int GROUP = 4;
    private static final int MODULE_ID = 5;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void previewCsvXlsxPdfAndApiAgreeForEveryFilter(Kind kind) throws Exception {
        var db = TestDatabases.get(kind);
        try (RecordsFixture fx = new RecordsFixture(db)) {
            var s = fx.scene();
            long trainer = fx.trainee("T9", "Trainer Nine", null);
            long listening = fx.group("Listening club", trainer, s.zhang(), s.late());
            fx.assignToGroup(listening, "m2", LocalDate.parse("2026-10-05"), LocalDate.parse("2026-12-20"), trainer);
            CompletionRecords records = new CompletionRecords(db, lang -> RecordsFixture.SHAPE,
                    new HrScopeService(db, TestUsers.admin()), CompletionExportsServiceTest.CLOCK);
            CompletionExports exports = new CompletionExports(records, new AuditLog(db, CompletionExportsServiceTest.CLOCK),
                    CompletionExportsServiceTest.CLOCK);
            Viewer admin = new Viewer(1, "admin", true);

            Map<String, CompletionFilter> filters = Map.of(
                    "all", CompletionFilter.ALL,
                    "cohort", new CompletionFilter(null, s.cohort(), null, null, null, null, null),
                    "listening club", new CompletionFilter(null, listening, null, null, null, null, null),
                    "sales", CompletionFilter.ALL.withDepartment(s.sales()),
                    "sales in the club", new CompletionFilter(s.sales(), listening, "m2", null, null, null, null),
                    "completed", CompletionFilter.ALL.withStatus(CompletionStatus.COMPLETED));
            for (var e : filters.entrySet()) {
                String name = e.getKey();
                CompletionFilter filter = e.getValue();
                var request = records.request(admin, filter, Language.EN);
                TreeSet<String> preview = new TreeSet<>();
                for (CompletionRecord r : records.query().list(request, null, false, 0, 0)) {
                    preview.add(key(r.employeeNumber(), r.moduleId(), r.group()));
                }
                assertFalse(preview.isEmpty(), name + ": the fixture gives every filter some rows");

                assertEquals(preview, csvRows(exports, admin, filter), name + ": CSV");
                assertEquals(preview, xlsxRows(exports, admin, filter), name + ": XLSX");
                assertEquals(preview, apiRows(records, request), name + ": API");
                String pdf = pdfText(exports, admin, filter);
                assertTrue(pdf.contains("Rows: " + preview.size() + " "), name + ": PDF rows\n" + pdf);
            }

            TreeSet<String> club = csvRows(exports, admin, filters.get("listening club"));
            assertEquals(new TreeSet<>(List.of(key("E1", "m2", "Listening club"), key("E3", "m2", "Listening club"))), club,
                    "the club's rows are what the club assigned, not Cohort A's course rows of the same trainee");
            String pdf = pdfText(exports, admin, filters.get("sales in the club"));
            assertTrue(pdf.contains("Department: 销售部") && pdf.contains("Group: Listening club") && pdf.contains("Module: Listening"),
                    "the PDF names the filter, not ids:\n" + pdf);
            assertFalse(pdf.contains("group=") || pdf.contains("department="), pdf);
            assertFalse(pdf.contains("Cohort A"), "no other group's rows in the summary per group:\n" + pdf);
        }
    }

    private static String key(String employee, String module, String group) {
        return employee + " | " + module + " | " + group;
    }

    private static TreeSet<String> csvRows(CompletionExports exports, Viewer viewer, CompletionFilter filter) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(viewer, filter, CompletionExports.Format.CSV, Language.EN, AuditLog.WEB, () -> out);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(out.toString(StandardCharsets.UTF_8).substring(1))).getRecords();
        TreeSet<String> keys = new TreeSet<>();
        rows.stream().skip(1).forEach(r -> keys.add(key(r.get(EMPLOYEE).replaceFirst("^'", ""), r.get(MODULE_ID), r.get(GROUP))));
        return keys;
    }

    private static TreeSet<String> xlsxRows(CompletionExports exports, Viewer viewer, CompletionFilter filter) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(viewer, filter, CompletionExports.Format.XLSX, Language.EN, AuditLog.WEB, () -> out);
        TreeSet<String> keys = new TreeSet<>();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (Row r : book.getSheetAt(0)) {
                if (r.getRowNum() > 0) {
                    keys.add(key(text.formatCellValue(r.getCell(EMPLOYEE)).replaceFirst("^'", ""),
                            text.formatCellValue(r.getCell(MODULE_ID)), text.formatCellValue(r.getCell(GROUP))));
                }
            }
        }
        return keys;
    }

    /** The API writes its CSV and JSON pages from the same stream with codes instead of words. */
    private static TreeSet<String> apiRows(CompletionRecords records, CompletionQuery.Request request) {
        List<CompletionRecord> rows = new ArrayList<>();
        records.query().stream(request, null, false, null, 0, 0, rows::add);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (CsvCompletionWriter w = new CsvCompletionWriter(csv, CompletionColumns.ALL.stream().map(CompletionColumns.Column::key).toList(),
                CompletionColumns.Words.CODES)) {
            rows.forEach(w);
        }
        TreeSet<String> keys = new TreeSet<>();
        rows.forEach(r -> keys.add(key(r.employeeNumber(), r.moduleId(), r.group())));
        return keys;
    }

    private static String pdfText(CompletionExports exports, Viewer viewer, CompletionFilter filter) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(viewer, filter, CompletionExports.Format.PDF, Language.EN, AuditLog.WEB, () -> out);
        try (var doc = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
