package com.servicecraft.shared.pdf;

import java.awt.Color;
import java.io.OutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A small builder for simple A4 reports (certificates, test results, trainer summaries) in Chinese
 * and English. Text is set in {@link PdfFonts}; every page has a footer "第 n 页 / Page n".
 *
 * <pre>{@code
 * try (PdfReport report = PdfReport.start(out, "课后测试成绩 Post-course test result")) {
 *     report.keyValue("姓名", "张伟")
 *           .table(List.of("模块", "得分"), List.of(List.of("服务礼仪", "92")))
 *           .barChart("各模块得分", List.of("服务礼仪"), List.of(92.0), 100);
 * }
 * }</pre>
 *
 * <p>The caller owns {@code out}: {@link #close()} finishes the PDF and flushes, but does not close
 * the stream. A report is used by one thread and cannot be reused once closed. {@code null} text is
 * written as empty.
 */
public final class PdfReport implements AutoCloseable {
    static final float MARGIN = 36f;
    private static final Color HEADER_BACKGROUND = new Color(0xE8, 0xEC, 0xF1);
    private static final Color BAR_COLOR = new Color(0x2F, 0x6F, 0xB3);
    private static final Color BAR_TRACK = new Color(0xF0, 0xF0, 0xF0);

    private final Document document;

    private PdfReport(Document document) {
        this.document = document;
    }

    /** Opens a report on {@code out} and writes {@code title} (also the PDF's title property). */
    public static PdfReport start(OutputStream out, String title) {
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN + 18f);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        writer.setPageEvent(new Footer());
        document.addTitle(text(title));
        document.addCreator("Servicecraft");
        document.open();
        PdfReport report = new PdfReport(document);
        Paragraph p = new Paragraph(text(title), PdfFonts.bold(18));
        p.setSpacingAfter(12);
        report.add(p);
        return report;
    }

    /** A section heading. */
    public PdfReport heading(String text) {
        Paragraph p = new Paragraph(text(text), PdfFonts.bold(13));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return add(p);
    }

    /** A paragraph of body text; long lines wrap (also between Chinese characters). */
    public PdfReport paragraph(String text) {
        Paragraph p = new Paragraph(text(text), PdfFonts.regular(10.5f));
        p.setSpacingAfter(4);
        return add(p);
    }

    /** One line "key: value", the key in bold. */
    public PdfReport keyValue(String key, String value) {
        // The paragraph's own font is used for its spacing: give it ours, not Helvetica.
        Paragraph p = new Paragraph("", PdfFonts.regular(10.5f));
        p.add(new Chunk(text(key) + ": ", PdfFonts.bold(10.5f)));
        p.add(new Chunk(text(value), PdfFonts.regular(10.5f)));
        p.setSpacingAfter(2);
        return add(p);
    }

    /**
     * A full-width table; the header row repeats on each page. Every row must have as many cells
     * as there are headers.
     */
    public PdfReport table(List<String> headers, List<List<String>> rows) {
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("A table needs at least one column");
        }
        PdfPTable table = newTable(headers.size());
        for (String header : headers) {
            PdfPCell cell = cell(header, PdfFonts.bold(10));
            cell.setBackgroundColor(HEADER_BACKGROUND);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException(
                        "Row has " + row.size() + " cells, expected " + headers.size() + ": " + row);
            }
            for (String value : row) {
                table.addCell(cell(value, PdfFonts.regular(10)));
            }
        }
        return add(table);
    }

    /**
     * A horizontal bar chart under a bold {@code title}: one row per label, a bar of length
     * {@code value / max} of the track (clamped to 0..1) and the value written after it.
     */
    public PdfReport barChart(String title, List<String> labels, List<Double> values, double max) {
        if (labels.size() != values.size()) {
            throw new IllegalArgumentException(
                    labels.size() + " labels but " + values.size() + " values");
        }
        if (!(max > 0)) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        heading(title);
        PdfPTable chart = new PdfPTable(new float[] {3, 8, 1.2f});
        chart.setWidthPercentage(100);
        chart.setSpacingBefore(4);
        chart.setSpacingAfter(8);
        DecimalFormat number = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        for (int i = 0; i < labels.size(); i++) {
            double value = values.get(i) == null ? 0 : values.get(i);
            PdfPCell label = cell(labels.get(i), PdfFonts.regular(10));
            label.setBorder(Rectangle.NO_BORDER);
            chart.addCell(label);
            PdfPCell bar = new PdfPCell();
            bar.setBorder(Rectangle.NO_BORDER);
            bar.setMinimumHeight(18);
            bar.setCellEvent(new Bar((float) Math.max(0, Math.min(1, value / max))));
            chart.addCell(bar);
            PdfPCell figure = cell(number.format(value), PdfFonts.regular(10));
            figure.setBorder(Rectangle.NO_BORDER);
            figure.setHorizontalAlignment(Element.ALIGN_RIGHT);
            chart.addCell(figure);
        }
        return add(chart);
    }

    /** Finishes the PDF (writes the last page and the trailer); does not close the stream. */
    @Override
    public void close() {
        if (document.isOpen()) {
            document.close();
        }
    }

    private PdfReport add(Element element) {
        if (!document.isOpen()) {
            throw new IllegalStateException("The report is closed");
        }
        document.add(element);
        return this;
    }

    private static PdfPTable newTable(int columns) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        return table;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text(text), font));
        cell.setPadding(4);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }

    /** Draws a grey track and a blue bar of {@code ratio} of the cell's width behind the cell. */
    private record Bar(float ratio) implements PdfPCellEvent {
        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte canvas = canvases[PdfPTable.BACKGROUNDCANVAS];
            float x = position.getLeft() + 2;
            float width = position.getWidth() - 4;
            float height = 10;
            float y = position.getBottom() + (position.getHeight() - height) / 2;
            canvas.saveState();
            canvas.setColorFill(BAR_TRACK);
            canvas.rectangle(x, y, width, height);
            canvas.fill();
            if (ratio > 0) {
                canvas.setColorFill(BAR_COLOR);
                canvas.rectangle(x, y, width * ratio, height);
                canvas.fill();
            }
            canvas.restoreState();
        }
    }

    /** Writes "第 n 页 / Page n" centred at the foot of each page. */
    private static final class Footer extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            int n = writer.getPageNumber();
            Phrase footer = new Phrase("第 " + n + " 页 / Page " + n, PdfFonts.regular(8));
            float x = (document.left() + document.right()) / 2;
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, footer,
                    x, document.bottom() - 20, 0);
        }
    }
}
