package com.servicecraft.certificate;

import com.servicecraft.reporting.export.CompletionColumns;
import com.servicecraft.shared.pdf.PdfFonts;
import com.servicecraft.shared.web.Messages;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The certificate as a one-page landscape PDF, framed like a printed certificate: the
 * organisation, the title, the holder, the course, the issue date, validity, score, the number
 * and where to verify it. Every line is in the reader's language with the other language below it.
 */
public final class CertificatePdf {
    private static final Color NAVY = new Color(0x1F, 0x3A, 0x5F);
    private static final Color GOLD = new Color(0xB8, 0x8A, 0x2E);
    private static final Color GREY = new Color(0x55, 0x5B, 0x66);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private CertificatePdf() {
    }

    /**
     * @param courseTitles the course's title in the reader's language and in the other one
     * @param organisation the organisation that issues it ({@code SERVICECRAFT_ORGANISATION_NAME})
     */
    public static void write(OutputStream out, Certificate c, String[] courseTitles, String organisation, Locale l, ZoneId zone,
                             String verifyUrl) {
        Locale other = l.getLanguage().equals("zh") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Rectangle page = PageSize.A4.rotate();
        Document document = new Document(page, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        document.addTitle(Messages.text(l, "certificate.title") + " " + c.number());
        document.addCreator("Servicecraft");
        document.open();
        PdfContentByte cb = writer.getDirectContent();
        frame(cb, page);
        float x = page.getWidth() / 2;
        float y = page.getHeight() - 78;
        line(cb, organisation, PdfFonts.bold(15), NAVY, x, y);
        line(cb, Messages.text(l, "certificate.title"), PdfFonts.bold(34), NAVY, x, y -= 54);
        line(cb, Messages.text(other, "certificate.title"), PdfFonts.regular(15), GREY, x, y -= 26);
        line(cb, Messages.text(l, "certificate.confirms") + "  " + Messages.text(other, "certificate.confirms"),
                PdfFonts.regular(12), GREY, x, y -= 40);
        line(cb, c.holderName(), PdfFonts.bold(28), Color.BLACK, x, y -= 44);
        cb.setColorStroke(GOLD);
        cb.setLineWidth(0.8f);
        cb.moveTo(x - 170, y - 10);
        cb.lineTo(x + 170, y - 10);
        cb.stroke();
        line(cb, Messages.text(l, "certificate.completed") + "  " + Messages.text(other, "certificate.completed"),
                PdfFonts.regular(12), GREY, x, y -= 38);
        line(cb, courseTitles[0], PdfFonts.bold(20), NAVY, x, y -= 32);
        if (courseTitles.length > 1 && courseTitles[1] != null && !courseTitles[1].equals(courseTitles[0])) {
            line(cb, courseTitles[1], PdfFonts.regular(13), GREY, x, y -= 22);
        }
        float facts = 150;
        fact(cb, l, other, "verify.issued", DAY.withZone(zone).format(c.issuedAt()), page.getWidth() * 0.25f, facts);
        fact(cb, l, other, "verify.validUntil",
                c.validUntil() == null ? Messages.text(l, "verify.noExpiry") : DAY.format(c.validUntil()), page.getWidth() * 0.5f, facts);
        fact(cb, l, other, "certificate.score", c.score() == null ? "—" : CompletionColumns.number(c.score()) + "%",
                page.getWidth() * 0.75f, facts);
        line(cb, Messages.text(l, "verify.number") + " / " + Messages.text(other, "verify.number") + ": " + c.number(),
                PdfFonts.bold(11), NAVY, x, 92);
        line(cb, Messages.text(l, "certificate.verifyAt", verifyUrl), PdfFonts.regular(9), GREY, x, 74);
        document.close();
    }

    private static void frame(PdfContentByte cb, Rectangle page) {
        cb.setColorStroke(NAVY);
        cb.setLineWidth(4f);
        cb.rectangle(22, 22, page.getWidth() - 44, page.getHeight() - 44);
        cb.stroke();
        cb.setColorStroke(GOLD);
        cb.setLineWidth(1.2f);
        cb.rectangle(32, 32, page.getWidth() - 64, page.getHeight() - 64);
        cb.stroke();
    }

    private static void fact(PdfContentByte cb, Locale l, Locale other, String key, String value, float x, float y) {
        line(cb, value, PdfFonts.bold(14), Color.BLACK, x, y);
        line(cb, Messages.text(l, key) + " / " + Messages.text(other, key), PdfFonts.regular(10), GREY, x, y - 18);
    }

    private static void line(PdfContentByte cb, String text, Font font, Color color, float x, float y) {
        Font f = new Font(font);
        f.setColor(color);
        ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, new Phrase(text == null ? "" : text, f), x, y, 0);
    }
}
