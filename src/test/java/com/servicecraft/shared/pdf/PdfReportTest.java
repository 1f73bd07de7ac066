package com.servicecraft.shared.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Generates reports and reads them back with PDFBox: Chinese text, embedded subset font, pages. */
class PdfReportTest {

    private static byte[] report(String title, Consumer<PdfReport> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfReport report = PdfReport.start(out, title)) {
            body.accept(report);
        }
        return out.toByteArray();
    }

    private static byte[] testResult() {
        return report("课后测试成绩 Post-course test result", r -> r
                .keyValue("姓名", "张伟")
                .keyValue("Course", "客户服务基础 Customer service basics")
                .heading("模块得分 Scores by module")
                .paragraph("本次测试共 20 题，满分 100 分。This test has 20 questions.")
                .table(List.of("模块", "得分", "结果"), List.of(
                        List.of("服务礼仪", "92", "通过"),
                        List.of("客诉处理", "68", "未通过")))
                .barChart("得分图 Score chart", List.of("服务礼仪", "客诉处理"), List.of(92.0, 68.0), 100));
    }

    private static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf);
    }

    @Test
    void chineseAndEnglishTextCanBeExtracted() throws IOException {
        byte[] bytes = testResult();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertEquals(1, pdf.getNumberOfPages());
            String text = text(pdf);
            for (String expected : List.of("课后测试成绩 Post-course test result", "姓名", "张伟",
                    "客户服务基础 Customer service basics", "模块得分 Scores by module",
                    "本次测试共 20 题，满分 100 分。This test has 20 questions.",
                    "模块", "得分", "结果", "服务礼仪", "客诉处理", "未通过", "得分图 Score chart",
                    "第 1 页 / Page 1")) {
                assertTrue(text.contains(expected), () -> "missing «" + expected + "» in:\n" + text);
            }
            assertEquals("课后测试成绩 Post-course test result", pdf.getDocumentInformation().getTitle());
        }
    }

    @Test
    void fontIsEmbeddedAsSubset() throws IOException {
        byte[] bytes = testResult();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                    fonts.add(font.getName());
                }
            }
            assertFalse(fonts.isEmpty());
            // A subset font's name has a six-letter tag: "ABCDEF+WenQuanYiMicroHei".
            assertTrue(fonts.stream().allMatch(n -> n.matches("[A-Z]{6}\\+.*")), fonts::toString);
        }
        // The whole collection is 5 MB; a subset with a few dozen glyphs is tiny.
        assertTrue(bytes.length < 100_000, "PDF is " + bytes.length + " bytes");
    }

    @Test
    void longTableBreaksOntoSecondPageWithFooter() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            rows.add(List.of(String.valueOf(i), "学员 " + i, "服务礼仪"));
        }
        byte[] bytes = report("学员名单 Learners", r -> r.table(List.of("序号", "姓名", "模块"), rows));
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertEquals(2, pdf.getNumberOfPages());
            String text = text(pdf);
            assertTrue(text.contains("学员 50"), text);
            assertTrue(text.contains("第 2 页 / Page 2"), text);
            // The header row is repeated at the top of the second page.
            assertEquals(2, text.split("序号", -1).length - 1, text);
        }
    }

    @Test
    void reportsCanBeWrittenInParallelWithTheSharedFont() throws Exception {
        List<String> names = List.of("张伟", "李娜", "王芳", "刘洋", "陈静", "杨磊");
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        try {
            List<Future<byte[]>> pdfs = new ArrayList<>();
            for (String name : names) {
                pdfs.add(pool.submit(() -> report("证书 Certificate", r -> r.keyValue("姓名", name))));
            }
            for (int i = 0; i < names.size(); i++) {
                try (PDDocument pdf = Loader.loadPDF(pdfs.get(i).get())) {
                    assertTrue(text(pdf).contains("姓名: " + names.get(i)), text(pdf));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rowsMustMatchHeaders() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfReport report = PdfReport.start(out, "t")) {
            assertThrows(IllegalArgumentException.class,
                    () -> report.table(List.of("a", "b"), List.of(List.of("only one"))));
        }
    }
}
