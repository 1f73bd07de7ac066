package com.servicecraft.workbook.web;

import com.servicecraft.content.InlineMarkdown;
import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.pdf.PdfReport;
import com.servicecraft.shared.web.Messages;
import com.servicecraft.workbook.WorkbookEntry;
import com.servicecraft.workbook.WorkbookService;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes a workbook with {@link PdfReport}: a heading per module, then each answer with its feedback. */
public final class WorkbookPdf {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private WorkbookPdf() {
    }

    public static void write(OutputStream out, String trainee, List<WorkbookService.Section> sections, Language lang) {
        Locale l = lang.locale();
        try (PdfReport pdf = PdfReport.start(out, Messages.text(l, "workbook.title"))) {
            pdf.keyValue(Messages.text(l, "pdf.trainee"), trainee);
            if (sections.isEmpty()) {
                pdf.paragraph(Messages.text(l, "workbook.empty"));
            }
            for (WorkbookService.Section s : sections) {
                pdf.heading(InlineMarkdown.plain(s.title()));
                for (WorkbookEntry e : s.entries()) {
                    pdf.keyValue(e.reflection() ? Messages.text(l, "workbook.reflection") : Messages.text(l, "workbook.writtenWork"), InlineMarkdown.plain(e.sourceTitle()));
                    pdf.paragraph(InlineMarkdown.plain(e.prompt()));
                    pdf.keyValue(Messages.text(l, "workbook.yourAnswer"), e.answer());
                    if (e.isDraft()) {
                        pdf.keyValue(Messages.text(l, "workbook.state"), Messages.text(l, "workbook.draft"));
                    }
                    if (e.percent() != null && !e.reflection()) {
                        pdf.keyValue(Messages.text(l, "workbook.grade"), e.percent() + "%");
                    }
                    if (e.trainerComment() != null && !e.trainerComment().isBlank()) {
                        pdf.keyValue(Messages.text(l, "workbook.trainerComment"), e.trainerComment()
                                + (e.gradedAt() == null ? "" : " (" + DATE_TIME.withZone(OrganisationZone.zone()).format(e.gradedAt()) + ")"));
                    }
                }
            }
        }
    }
}
