package com.servicecraft.actionplan;

import com.servicecraft.actionplan.web.ActionPlanPdf;
import com.servicecraft.shared.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The action plan PDF, read back with PDFBox: the Chinese texts come out as they went in. */
class ActionPlanPdfTest {
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private static String pdfText(ActionPlan plan, Language lang) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ActionPlanPdf.write(out, plan, "我的行动计划（5W2H）", Map.of(7L, "张伟", 3L, "王芳"), LocalDate.parse("2026-12-22"), lang);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private static ActionPlan approvedAndFollowedUp() {
        ActionPlan p = ActionPlan.start(7, "v1", NOW);
        Map<GoalField, String> g = new EnumMap<>(GoalField.class);
        g.put(GoalField.WHAT, "每次接车时告诉顾客下一步和预计完工时间");
        g.put(GoalField.WHY, "顾客常抱怨不知道进度");
        g.put(GoalField.WHEN, "从12月1日开始，每天");
        g.put(GoalField.HOW, "用三句话说明：检查、维修、交车");
        g.put(GoalField.WHO, "我自己，主管每周抽查");
        g.put(GoalField.HOW_MUCH, "每位顾客约一分钟");
        g.put(GoalField.WHERE, "接车区签字确认之前");
        g.put(GoalField.MEASURE, "“不知道进度”类抱怨从每周四次降到一次以下");
        p.edit(List.of(g), NOW);
        p.submit(7, NOW);
        p.returnForChanges(3, "成功标准请写出现在的起点", NOW);
        p.submit(7, NOW);
        p.approve(3, null, List.of(30, 60, 90), LocalDate.parse("2026-11-22"), NOW);
        p.recordFollowUp(30, Map.of(0, new ActionPlan.Progress(ProgressStatus.ON_TRACK, "抱怨降到每周两次")), LocalDate.parse("2026-12-22"), NOW);
        return p;
    }

    @Test
    void chineseGoalsFollowUpsAndCommentsAreInThePdf() throws IOException {
        String text = pdfText(approvedAndFollowedUp(), Language.ZH_CN);
        for (String expected : List.of("我的行动计划（5W2H）", "张伟", "已批准", "目标 1", "做什么",
                "每次接车时告诉顾客下一步和预计完工时间", "接车区签字确认之前", "“不知道进度”类抱怨从每周四次降到一次以下",
                "第 30 天", "已记录", "按计划进行", "抱怨降到每周两次", "第 60 天", "未到期",
                "审阅记录", "退回修改", "成功标准请写出现在的起点", "王芳")) {
            // Table cells wrap long Chinese text without a space: compare with line breaks removed too.
            assertTrue(text.contains(expected) || text.replaceAll("\\s*\\R\\s*", "").contains(expected),
                    () -> "missing «" + expected + "» in:\n" + text);
        }
    }

    @Test
    void englishLabelsWithChineseContent() throws IOException {
        String text = pdfText(approvedAndFollowedUp(), Language.EN);
        for (String expected : List.of("Approved", "Goal 1", "What", "Success measure", "Day 30", "On track", "Review history",
                "每次接车时告诉顾客下一步和预计完工时间")) {
            // Table cells wrap long Chinese text without a space: compare with line breaks removed too.
            assertTrue(text.contains(expected) || text.replaceAll("\\s*\\R\\s*", "").contains(expected),
                    () -> "missing «" + expected + "» in:\n" + text);
        }
    }
}
