package com.servicecraft.certificate;

import com.servicecraft.reporting.export.CompletionColumns;
import com.servicecraft.shared.pdf.PdfReport;
import com.servicecraft.shared.web.Messages;

import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The certificate as a PDF: holder, course, date, score, validity, number and where to verify it. */
public final class CertificatePdf {
    private CertificatePdf() {
    }

    public static void write(OutputStream out, Certificate c, String courseTitle, Locale l, ZoneId zone, String verifyUrl) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd");
        try (PdfReport pdf = PdfReport.start(out, Messages.text(l, "certificate.title"))) {
            pdf.paragraph(Messages.text(l, "certificate.confirms"));
            pdf.heading(c.holderName());
            pdf.keyValue(Messages.text(l, "verify.course"), courseTitle);
            pdf.keyValue(Messages.text(l, "verify.issued"), day.withZone(zone).format(c.issuedAt()));
            pdf.keyValue(Messages.text(l, "certificate.score"), c.score() == null ? "—" : CompletionColumns.number(c.score()) + "%");
            pdf.keyValue(Messages.text(l, "verify.validUntil"), c.validUntil() == null
                    ? Messages.text(l, "verify.noExpiry") : day.format(c.validUntil()));
            pdf.keyValue(Messages.text(l, "verify.number"), c.number());
            pdf.paragraph(Messages.text(l, "certificate.verifyAt", verifyUrl));
        }
    }
}
