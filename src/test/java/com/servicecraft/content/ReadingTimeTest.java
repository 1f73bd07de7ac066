package com.servicecraft.content;

import com.servicecraft.shared.Language;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lesson's minimum reading time: set by the content, or derived from its length. */
class ReadingTimeTest {

    @Test
    void chineseIsReadAt300CharactersAndEnglishAt200WordsPerMinute() {
        assertEquals(60, ReadingTime.estimatedSeconds(Language.ZH_CN, "顾".repeat(300)));
        assertEquals(60, ReadingTime.estimatedSeconds(Language.ZH_CN, "顾客 说".repeat(100)), "blanks are not characters");
        assertEquals(60, ReadingTime.estimatedSeconds(Language.EN, "listen ".repeat(200)));
        assertEquals(1, ReadingTime.estimatedSeconds(Language.EN, "Hello"), "rounded up");
        assertEquals(0, ReadingTime.estimatedSeconds(Language.EN, "  \n "));
    }

    @Test
    void theDefaultMinimumIs40PercentOfTheShorterTextsEstimate() {
        Lesson.LessonText zh = new Lesson.LessonText("t", "", 1500, 300, "a.zh-CN.md");
        Lesson.LessonText en = new Lesson.LessonText("t", "", 5000, 330, "a.en.md");
        assertEquals(120, ReadingTime.defaultMinimumSeconds(List.of(zh, en)));
        assertEquals(1, ReadingTime.defaultMinimumSeconds(List.of(new Lesson.LessonText("t", "", 1, 1, "b.en.md"))), "rounded up");
    }

    @Test
    void theLoaderDerivesTheMinimumFromTheTextAndTakesTheFrontMattersWhenGiven() {
        LoadedContent plain = ContentLoader.load(ContentFixture.copyOfSample().root(), Clock.systemUTC());
        Lesson first = plain.course().module("sample-a").orElseThrow().lessons().get(0);
        int shorter = Math.min(first.text(Language.ZH_CN).orElseThrow().readingSeconds(), first.text(Language.EN).orElseThrow().readingSeconds());
        assertTrue(shorter > 0);
        assertEquals(ReadingTime.defaultMinimumSeconds(first.texts().values()), first.minReadSeconds());

        ContentFixture set = ContentFixture.copyOfSample()
                .replace("sample-a/01-first.en.md", "minutes: 5", "minutes: 5\nminReadSeconds: 90")
                .replace("sample-a/01-first.zh-CN.md", "minutes: 5", "minutes: 5\nminReadSeconds: 90");
        LoadedContent c = ContentLoader.load(set.root(), Clock.systemUTC());
        assertEquals(List.of(), c.problems());
        assertEquals(90, c.course().module("sample-a").orElseThrow().lessons().get(0).minReadSeconds());
    }

    @Test
    void languageFilesThatDisagreeOrAnOutOfRangeMinimumAreReportedWithTheirFile() {
        ContentFixture disagree = ContentFixture.copyOfSample()
                .replace("sample-a/01-first.en.md", "minutes: 5", "minutes: 5\nminReadSeconds: 90")
                .replace("sample-a/01-first.zh-CN.md", "minutes: 5", "minutes: 5\nminReadSeconds: 60");
        List<ContentProblem> problems = ContentLoader.load(disagree.root(), Clock.systemUTC()).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("minReadSeconds"), problems.toString());
        assertTrue(problems.get(0).file().startsWith("sample-a/01-first."), problems.toString());

        ContentFixture tooLong = ContentFixture.copyOfSample()
                .replace("sample-a/01-first.en.md", "minutes: 5", "minutes: 5\nminReadSeconds: 99999");
        List<ContentProblem> range = ContentLoader.load(tooLong.root(), Clock.systemUTC()).problems();
        assertTrue(range.stream().anyMatch(p -> p.file().equals("sample-a/01-first.en.md") && p.message().contains("minReadSeconds")), range.toString());
    }
}
