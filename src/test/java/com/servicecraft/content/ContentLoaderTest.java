package com.servicecraft.content;

import com.servicecraft.shared.Language;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken content is reported precisely, and only the module that holds it is left out. */
class ContentLoaderTest {

    private static LoadedContent load(ContentFixture f) {
        return ContentLoader.load(f.root(), Clock.systemUTC());
    }

    private static List<String> moduleIds(LoadedContent c) {
        return c.course().modules().stream().map(CourseModule::id).toList();
    }

    @Test
    void theSampleCourseLoadsCleanly() {
        LoadedContent c = load(ContentFixture.copyOfSample());
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("sample-a", "sample-b"), moduleIds(c));
        CourseModule a = c.course().module("sample-a").orElseThrow();
        assertEquals(3, a.lessons().size());
        assertEquals("第一课：倾听顾客", a.lessons().get(0).title(Language.ZH_CN));
        assertEquals(4, a.questions().size());
        assertEquals(12, a.version().length());
    }

    @Test
    void badYamlIsReportedWithFileAndLineAndTheOtherModuleStillLoads() {
        ContentFixture f = ContentFixture.copyOfSample().replace("sample-a/questions.yaml", "    difficulty: medium", "    difficulty: [medium");
        LoadedContent c = load(f);
        ContentProblem p = only(c);
        assertEquals("sample-a/questions.yaml", p.file());
        assertTrue(p.message().startsWith("invalid YAML"), p.message());
        assertTrue(Math.abs(p.line() - f.lineOf("sample-a/questions.yaml", "[medium")) <= 1, p.toString());
        assertEquals(List.of("sample-b"), moduleIds(c));
    }

    @Test
    void aMissingTranslationInYamlIsAnErrorWithItsLine() {
        ContentFixture f = ContentFixture.copyOfSample()
                .replace("sample-b/questions.yaml", "prompt: {zh-CN: 连线, en: Match them}", "prompt: {zh-CN: 连线}");
        LoadedContent c = load(f);
        ContentProblem p = only(c);
        assertEquals("sample-b/questions.yaml", p.file());
        assertEquals(f.lineOf("sample-b/questions.yaml", "prompt: {zh-CN: 连线}"), p.line());
        assertTrue(p.message().contains("en"), p.message());
        assertEquals(List.of("sample-a"), moduleIds(c));
    }

    @Test
    void aLessonWithoutItsEnglishFileIsAWarningAndReadersGetTheChinese() {
        LoadedContent c = load(ContentFixture.copyOfSample().delete("sample-b/01-only.en.md"));
        ContentProblem p = only(c);
        assertEquals(ContentProblem.Severity.WARNING, p.severity());
        assertEquals("sample-b/module.yaml", p.file());
        assertTrue(p.message().contains("01-only.en.md"));
        Lesson lesson = c.course().module("sample-b").orElseThrow().lessons().get(0);
        assertTrue(lesson.text(Language.EN).isEmpty());
        assertEquals("唯一的一课", lesson.title(Language.EN));
    }

    @Test
    void aDanglingExerciseReferenceIsReportedAtItsLine() {
        ContentFixture f = ContentFixture.copyOfSample().replace("sample-a/02-second.en.md", "[[exercise:sa-x-game]]", "[[exercise:sa-x-nope]]");
        LoadedContent c = load(f);
        ContentProblem p = only(c);
        assertEquals("sample-a/02-second.en.md", p.file());
        assertEquals(f.lineOf("sample-a/02-second.en.md", "sa-x-nope"), p.line());
        assertTrue(p.message().contains("unknown exercise sa-x-nope"));
        assertEquals(List.of("sample-b"), moduleIds(c));
    }

    @Test
    void aMissingMediaFileIsReportedAtItsLine() {
        ContentFixture f = ContentFixture.copyOfSample().replace("sample-a/03-third.zh-CN.md", "media/desk.png", "media/missing.png");
        ContentProblem p = only(load(f));
        assertEquals("sample-a/03-third.zh-CN.md", p.file());
        assertEquals(f.lineOf("sample-a/03-third.zh-CN.md", "missing.png"), p.line());
        assertTrue(p.message().contains("media file not found"));
    }

    @Test
    void aScriptInMarkdownIsReportedAtItsLine() {
        ContentFixture f = ContentFixture.copyOfSample().replace("sample-a/01-first.en.md",
                "Never interrupt a customer.", "Never interrupt.\n\n<script>alert(1)</script>");
        ContentProblem p = only(load(f));
        assertEquals("sample-a/01-first.en.md", p.file());
        assertEquals(f.lineOf("sample-a/01-first.en.md", "<script>"), p.line());
        assertTrue(p.message().contains("raw HTML"), p.message());
    }

    @Test
    void aBrokenRolePlayOrChoiceQuestionIsExplained() {
        ContentFixture f = ContentFixture.copyOfSample().replace("sample-a/questions.yaml",
                "- {id: b, text: {zh-CN: 马上解释, en: Explain at once}}", "- {id: b, text: {zh-CN: 马上解释, en: Explain at once}, correct: true}");
        ContentProblem p = only(load(f));
        assertTrue(p.message().contains("exactly one correct option"), p.message());
        assertEquals(f.lineOf("sample-a/questions.yaml", "id: sa-q1"), p.line());
    }

    @Test
    void anyEditMakesANewModuleVersionAndLeavesTheOtherModulesVersionAlone() {
        LoadedContent before = load(ContentFixture.copyOfSample());
        LoadedContent after = load(ContentFixture.copyOfSample().replace("sample-b/01-only.en.md", "smile", "warm smile"));
        assertEquals(before.course().module("sample-a").orElseThrow().version(), after.course().module("sample-a").orElseThrow().version());
        assertNotEquals(before.course().module("sample-b").orElseThrow().version(), after.course().module("sample-b").orElseThrow().version());
        assertFalse(after.hasErrors());
    }

    private static ContentProblem only(LoadedContent c) {
        assertEquals(1, c.problems().size(), () -> c.problems().toString());
        return c.problems().get(0);
    }
}
