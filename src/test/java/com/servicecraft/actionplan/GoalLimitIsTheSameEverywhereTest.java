package com.servicecraft.actionplan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The goal limit is stated in four places: the rule ({@link ActionPlan#MAX_GOALS}, which the page
 * quotes), the course's lesson on building the plan (both languages) and the README. They agree
 * (they once said 5, 3 and 5).
 */
class GoalLimitIsTheSameEverywhereTest {
    private static final List<String> ENGLISH = List.of("zero", "one", "two", "three", "four", "five", "six");
    private static final String CHINESE = "零一二三四五六";

    @Test
    void theRuleTheLessonAndTheReadmeStateTheSameLimit() throws IOException {
        int max = ActionPlan.MAX_GOALS;
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("one to " + ENGLISH.get(max) + " goals"), "README states one to " + ENGLISH.get(max) + " goals");
        for (String other : ENGLISH.subList(2, ENGLISH.size())) {
            if (!other.equals(ENGLISH.get(max))) {
                assertTrue(!readme.contains("one to " + other + " goals"), "README also says one to " + other);
            }
        }
        Map<String, String> lesson = Map.of(
                "content/m7-action-plan/01-building-your-action-plan.en.md", "One to " + ENGLISH.get(max) + " goals per plan",
                "content/m7-action-plan/01-building-your-action-plan.zh-CN.md", "一份计划写一到" + CHINESE.charAt(max) + "个目标");
        lesson.forEach((file, phrase) -> {
            try {
                assertTrue(Files.readString(Path.of(file)).contains(phrase), file + " says: " + phrase);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(3, max, "the course advises one to three goals");
    }
}
