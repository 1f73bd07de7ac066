package com.servicecraft.quiz;

import com.servicecraft.question.QuestionBuilder;
import com.servicecraft.question.Answer;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.question.Question;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's autosave input, turned into answers in content ids; tokens outside the attempt are forgeries. */
class ClientAnswerTest {
    private static final Map<String, Object> TOKENS = Map.of("tabcdefgh", "a", "tbcdefghi", "b");

    @Test
    void tokensBecomeOptionIdsAndAnUnknownTokenIsRefused() {
        Question single = QuestionBuilder.question(Question.class, "{type: single-choice, id: q, prompt: " + T + ", " + OPTIONS + "}");
        assertEquals(new Answer.Choices(Set.of("a")), new ClientAnswer(List.of("tabcdefgh"), Map.of()).toAnswer(single, TOKENS));
        assertNull(new ClientAnswer(List.of(), Map.of()).toAnswer(single, TOKENS), "nothing chosen yet: nothing to save");
        assertThrows(AccessDeniedException.class, () -> new ClientAnswer(List.of("a"), Map.of()).toAnswer(single, TOKENS),
                "a raw option id is not a token of this attempt");
    }

    @Test
    void trueFalseAcceptsOnlyTrueOrFalse() {
        Question tf = QuestionBuilder.question(Question.class, "{type: true-false, id: q, prompt: " + T + ", answer: false}");
        assertEquals(new Answer.Bool(false), new ClientAnswer(List.of("false"), Map.of()).toAnswer(tf, Map.of()));
        assertThrows(AccessDeniedException.class, () -> new ClientAnswer(List.of("yes"), Map.of()).toAnswer(tf, Map.of()));
    }

    @Test
    void anEmptyMultipleChoiceIsSavedButDoesNotCountAsAnswered() {
        Question multi = QuestionBuilder.question(Question.class, "{type: multiple-choice, id: q, prompt: " + T + ", " + OPTIONS + "}");
        Answer none = new ClientAnswer(List.of(), Map.of()).toAnswer(multi, TOKENS);
        assertEquals(new Answer.Choices(Set.of()), none);
        assertFalse(multi.complete(none));
        assertTrue(multi.complete(new ClientAnswer(List.of("tabcdefgh", "tbcdefghi"), Map.of()).toAnswer(multi, TOKENS)));
    }

    @Test
    void buttonDrivenTypesAreNotSavedThisWay() {
        assertThrows(AccessDeniedException.class, () -> new ClientAnswer(List.of("x"), Map.of()).toAnswer(QuestionBuilder.question(Question.class, "{type: ordering, id: q, prompt: " + T + ", items: [{id: s1, text: " + T + "}, {id: s2, text: " + T + "}]}"), TOKENS));
    }

    private static final String T = "{zh-CN: x, en: x}";
    private static final String OPTIONS = "options: [{id: a, text: " + T + ", correct: true}, {id: b, text: " + T + "}]";
}
