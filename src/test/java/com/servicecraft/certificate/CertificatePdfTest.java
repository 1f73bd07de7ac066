package com.servicecraft.certificate;

import com.servicecraft.shared.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The certificate PDF carries name, course, date, score, validity and the verification number, in Chinese. */
class CertificatePdfTest {
    @Test
    void theCertificateNamesTheHolderCourseDateScoreAndNumber() throws Exception {
        Certificate c = new Certificate("SC-2026-ABCDEFGHJK", 7, "张伟", "customer-service", Instant.parse("2026-11-22T09:00:00Z"),
                92.5, LocalDate.parse("2028-11-22"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificatePdf.write(out, c, new String[] {"客户服务培训", "Customer service training"}, "星海酒店集团",
                Language.ZH_CN.locale(), ZoneOffset.UTC, "https://lms.example.com/verify/SC-2026-ABCDEFGHJK");
        try (var doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            for (String expected : new String[] {"星海酒店集团", "结业证书", "Certificate of completion", "张伟", "客户服务培训",
                    "Customer service training", "2026-11-22", "92.5%", "2028-11-22", "SC-2026-ABCDEFGHJK",
                    "https://lms.example.com/verify/SC-2026-ABCDEFGHJK"}) {
                assertTrue(text.contains(expected), expected + " in\n" + text);
            }
            assertEquals(1, doc.getNumberOfPages(), "one page");
            var page = doc.getPage(0);
            boolean turned = page.getRotation() % 180 == 90;
            assertTrue(page.getMediaBox().getWidth() > page.getMediaBox().getHeight() != turned, "landscape, like a printed certificate");
        }
    }
}
