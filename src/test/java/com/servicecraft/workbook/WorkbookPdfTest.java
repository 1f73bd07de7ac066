package com.servicecraft.workbook;

import com.servicecraft.shared.Language;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptStatus;
import com.servicecraft.workbook.web.WorkbookPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workbook PDF, read back with PDFBox: modules, reflections, answers and trainer comments in Chinese. */
class WorkbookPdfTest {
    @Test
    void reflectionsAnswersGradesAndCommentsArePrinted() throws IOException {
        Instant at = Instant.parse("2026-11-22T09:00:00Z");
        List<WorkbookService.Section> sections = List.of(
                new WorkbookService.Section("m1-etiquette", "服务礼仪", List.of(
                        new WorkbookEntry(1, AttemptKind.EXERCISE, "m1-x-reflection", "中期总结：礼仪", true,
                                "写下对你触动最大的两个观点。", "第一个观点是“在顾客眼里，我就是公司”。", AttemptStatus.GRADED,
                                at, at, null, "写得很具体，继续保持。", at),
                        new WorkbookEntry(2, AttemptKind.EXERCISE, "m1-x-written", "书面作业：电话礼仪", false,
                                "改写这段电话用语。", "您好，这里是某某4S店，我是小王。", AttemptStatus.GRADED,
                                at, at, 0.75, "开场白很好。", at))),
                new WorkbookService.Section("m4-active-listening", "积极式倾听", List.of(
                        new WorkbookEntry(3, AttemptKind.EXERCISE, "m4-x-reflection", "中期总结：倾听", true,
                                "你最常犯的倾听错误是什么？", "我常常在顾客说完之前就打断。", AttemptStatus.IN_PROGRESS,
                                at, null, null, null, null))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookPdf.write(out, "张伟", sections, Language.ZH_CN);
        String text;
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            text = new PDFTextStripper().getText(pdf);
        }
        for (String expected : List.of("我的学习手册", "张伟", "服务礼仪", "积极式倾听", "学习总结: 中期总结：礼仪",
                "第一个观点是“在顾客眼里，我就是公司”。", "培训师评语: 写得很具体，继续保持。", "书面作业: 书面作业：电话礼仪",
                "得分: 75%", "我常常在顾客说完之前就打断。", "草稿，尚未提交")) {
            // Table cells wrap long Chinese text without a space: compare with line breaks removed too.
            assertTrue(text.contains(expected) || text.replaceAll("\\s*\\R\\s*", "").contains(expected),
                    () -> "missing «" + expected + "» in:\n" + text);
        }
        assertFalse(text.contains("?"), "no character fell back to a question mark:\n" + text);
    }

    @Test
    void inlineMarkdownInPromptsIsPrintedWithoutItsMarkers() throws IOException {
        Instant at = Instant.parse("2026-11-22T09:00:00Z");
        List<WorkbookService.Section> sections = List.of(new WorkbookService.Section("m1-etiquette", "服务礼仪", List.of(
                new WorkbookEntry(1, AttemptKind.EXERCISE, "m1-x-written", "书面作业：**重读**", false,
                        "改写“您**已经**问过了”，用 *温和* 的 `语气`。", "您刚才问的是……", AttemptStatus.IN_PROGRESS,
                        at, null, null, null, null))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookPdf.write(out, "张伟", sections, Language.ZH_CN);
        String text;
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s*\\R\\s*", "");
        }
        assertTrue(text.contains("改写“您已经问过了”，用 温和 的 语气。"), text);
        assertTrue(text.contains("书面作业：重读"), text);
        assertFalse(text.contains("*") || text.contains("`"), text);
    }
}
