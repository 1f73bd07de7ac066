package com.servicecraft.quiz;

import com.servicecraft.content.QuizSettings;
import com.servicecraft.question.Question;
import com.servicecraft.question.QuestionBuilder;
import com.servicecraft.shared.LocalizedText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which questions an attempt gets and the tokens that stand for their options. */
class AttemptDrawTest {
    static final String T = "{zh-CN: 文, en: text}";

    private static Question single(String id) {
        return QuestionBuilder.question(Question.class, "{type: single-choice, id: " + id + ", prompt: " + T
                + ", options: [{id: a, text: " + T + "}, {id: b, text: " + T + ", correct: true}, {id: c, text: " + T + "}]}");
    }

    private static AttemptPlan plan(boolean shuffle, int count, int poolSize) {
        List<AttemptPlan.Pick> pool = new ArrayList<>();
        IntStream.range(0, poolSize).forEach(i -> pool.add(new AttemptPlan.Pick("m1", "v1", single("q" + i))));
        pool.add(new AttemptPlan.Pick("m2", "v1", single("other")));
        QuizSettings settings = new QuizSettings(count, 0, 0, 0, shuffle, QuizSettings.Mode.TEST, QuizSettings.ReviewOptions.ALL, List.of(), List.of());
        return new AttemptPlan(AttemptKind.MODULE_QUIZ, "m1", LocalizedText.of("t", "t"), null, settings, pool,
                List.of(new AttemptPlan.Draw("m1", count)));
    }

    @Test
    void drawsTheCountOfTheModuleInTheAuthorsOrder() {
        for (long seed = 0; seed < 20; seed++) {
            List<String> ids = new AttemptDraw(new Random(seed), new Random(seed)).questions(plan(false, 3, 8)).stream()
                    .map(p -> p.question().id()).toList();
            assertEquals(3, ids.size());
            assertFalse(ids.contains("other"), "only the drawn module's questions");
            assertEquals(ids.stream().sorted().toList(), ids, "the author's order: " + ids);
        }
    }

    @Test
    void drawsAllWhenTheCountIsZeroAndShufflesWhenAsked() {
        assertEquals(8, new AttemptDraw(new Random(1), new Random(1)).questions(plan(false, 0, 8)).size());
        boolean reordered = false;
        for (long seed = 0; seed < 10 && !reordered; seed++) {
            List<String> ids = new AttemptDraw(new Random(seed), new Random(seed)).questions(plan(true, 0, 8)).stream()
                    .map(p -> p.question().id()).toList();
            reordered = !ids.equals(ids.stream().sorted().toList());
        }
        assertTrue(reordered, "a shuffling quiz changes the order");
    }

    @Test
    void optionTokensAreUniqueAndStandForEveryOption() {
        Map<String, Object> map = AnswerCodec.map(new AttemptDraw(new Random(3), new Random(3)).optionMap(single("q"), false));
        assertEquals(List.of("a", "b", "c"), map.values().stream().map(Object::toString).toList(), "not shuffled: content order");
        assertEquals(3, new HashSet<>(map.keySet()).size());
        map.keySet().forEach(t -> assertTrue(t.matches("t[a-z2-9]{7}"), t));
    }

    @Test
    void anOrderingIsShuffledEvenWhenTheQuizIsNot() {
        Question ordering = QuestionBuilder.question(Question.class, "{type: ordering, id: q, prompt: " + T
                + ", items: [{id: s1, text: " + T + "}, {id: s2, text: " + T + "}, {id: s3, text: " + T + "}, {id: s4, text: " + T + "}]}");
        for (long seed = 0; seed < 30; seed++) {
            Map<String, Object> map = AnswerCodec.map(new AttemptDraw(new Random(seed), new Random(seed)).optionMap(ordering, false));
            assertNotEquals(List.of("s1", "s2", "s3", "s4"), map.values().stream().map(Object::toString).toList(), "seed " + seed);
        }
    }

    @Test
    void typesWithoutOptionsGetNoMap() {
        assertNull(new AttemptDraw(new Random(1), new Random(1)).optionMap(
                QuestionBuilder.question(Question.class, "{type: free-text, id: q, prompt: " + T + "}"), true));
    }
}
