package com.servicecraft.reporting.export;

import com.servicecraft.shared.SpreadsheetText;
import com.servicecraft.reporting.CompletionRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Completion records as XLSX through POI's streaming SXSSF: only a window of rows stays in memory,
 * the rest goes to a compressed temporary file until {@link #finish}. Typed cells (dates and
 * times as dates, scores as numbers), a frozen bold header, an autofilter over all rows, fixed
 * column widths, text neutralized against formula injection.
 */
public final class XlsxCompletionWriter implements Consumer<CompletionRecord>, AutoCloseable {
    private static final int WINDOW = 200;

    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CompletionColumns.Words words;
    private final ZoneId zone;
    private final CellStyle dateStyle;
    private final CellStyle timeStyle;
    private final CellStyle numberStyle;
    private int next = 1;

    public XlsxCompletionWriter(String sheetName, List<String> headers, CompletionColumns.Words words, ZoneId zone) {
        this.words = words;
        this.zone = zone;
        workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(sheetName);
        var format = workbook.createDataFormat();
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(format.getFormat("yyyy-mm-dd"));
        timeStyle = workbook.createCellStyle();
        timeStyle.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm"));
        numberStyle = workbook.createCellStyle();
        numberStyle.setDataFormat(format.getFormat("0.0"));
        CellStyle headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(SpreadsheetText.neutralize(headers.get(i)));
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, CompletionColumns.ALL.get(i).width() * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void accept(CompletionRecord r) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < CompletionColumns.ALL.size(); i++) {
            CompletionColumns.Column c = CompletionColumns.ALL.get(i);
            Object v = c.value().apply(r);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (c.kind()) {
                case DATE -> {
                    cell.setCellValue((LocalDate) v);
                    cell.setCellStyle(dateStyle);
                }
                case TIMESTAMP -> {
                    cell.setCellValue(LocalDateTime.ofInstant((Instant) v, zone));
                    cell.setCellStyle(timeStyle);
                }
                case NUMBER -> {
                    cell.setCellValue(((Number) v).doubleValue());
                    cell.setCellStyle(numberStyle);
                }
                case INTEGER -> cell.setCellValue(((Number) v).doubleValue());
                case TEXT -> cell.setCellValue(SpreadsheetText.neutralize(CompletionColumns.text(c, r, words)));
            }
        }
    }

    /** Adds the autofilter over every written row and writes the workbook to {@code out}. */
    public void finish(OutputStream out) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, CompletionColumns.ALL.size() - 1));
        try {
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one small workbook to nowhere, so that POI's classes and the OOXML schemas are loaded and
     * compiled before the first HR download: in a fresh JVM the first XLSX costs about 3.5 s more than
     * the next ones (measured by {@code ExportBenchmark}'s "first export" line), which made a
     * 180-row XLSX take 4 s against 0.4 s for the CSV.
     */
    public static void warmUp() {
        List<String> headers = CompletionColumns.ALL.stream().map(CompletionColumns.Column::messageKey).toList();
        // No row is written, so no words are needed.
        try (XlsxCompletionWriter w = new XlsxCompletionWriter("warm-up", headers, null, ZoneId.of("UTC"))) {
            w.finish(OutputStream.nullOutputStream());
        }
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
