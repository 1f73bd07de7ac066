package com.servicecraft.question;

import com.servicecraft.shared.Language;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.servicecraft.question.QuestionBuilder.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each question type decides besides its grade: which answers fit it, how the page's input
 * (in the attempt's tokens) becomes an answer, when it counts as answered, what the content check
 * finds, and what the draw hides behind tokens.
 */
class QuestionTypesTest {
    static final String T = "{zh-CN: 文, en: text}";
    static final Map<String, Object> TOKENS = new LinkedHashMap<>(Map.of("tb", "b", "ta", "a"));

    static final SingleChoiceQuestion SINGLE = question(SingleChoiceQuestion.class, "{type: single-choice, id: q, prompt: " + T
            + ", options: [{id: a, text: " + T + "}, {id: b, text: " + T + ", correct: true}]}");
    static final MultipleChoiceQuestion MULTI = question(MultipleChoiceQuestion.class, "{type: multiple-choice, id: q, prompt: " + T
            + ", options: [{id: a, text: " + T + ", correct: true}, {id: b, text: " + T + "}]}");
    static final MatchingQuestion MATCHING = question(MatchingQuestion.class, "{type: matching, id: q, prompt: " + T
            + ", pairs: [{id: a, left: " + T + ", right: " + T + "}, {id: b, left: " + T + ", right: " + T + "}]}");
    static final OrderingQuestion ORDERING = question(OrderingQuestion.class, "{type: ordering, id: q, prompt: " + T
            + ", items: [{id: a, text: " + T + "}, {id: b, text: " + T + "}]}");
    static final SelfRatingQuestion RATING = question(SelfRatingQuestion.class, "{type: self-rating, id: q, prompt: " + T
            + ", statements: [{id: calm, text: " + T + "}, {id: kind, text: " + T + "}]}");

    @Test
    void choicesFitOnlyTheirOwnOptionsAndASingleChoiceOnlyOne() {
        assertTrue(SINGLE.fits(new Answer.Choices(Set.of("b"))));
        assertFalse(SINGLE.fits(new Answer.Choices(Set.of("a", "b"))), "two picks on a single choice");
        assertFalse(SINGLE.fits(new Answer.Choices(Set.of("z"))), "an option of another question");
        assertFalse(SINGLE.fits(new Answer.Bool(true)), "another type's answer");
        assertTrue(MULTI.fits(new Answer.Choices(Set.of("a", "b"))));
        assertFalse(MULTI.fits(new Answer.Choices(Set.of("a", "z"))));
    }

    @Test
    void orderingAndMatchingFitOnlyTheirOwnIdsAndAFullPermutation() {
        assertTrue(ORDERING.fits(new Answer.Order(List.of("b", "a"))));
        assertFalse(ORDERING.fits(new Answer.Order(List.of("a", "a"))), "a step twice");
        assertFalse(ORDERING.fits(new Answer.Order(List.of("a"))), "a step left out");
        assertTrue(MATCHING.fits(new Answer.Matches(Map.of("a", "b"))), "a partial matching is kept");
        assertFalse(MATCHING.fits(new Answer.Matches(Map.of("a", "z"))));
    }

    @Test
    void inferenceTextRatingsAndPathsHaveTheirLimits() {
        InferenceQuestion inference = question(InferenceQuestion.class, "{type: inference, id: q, statement: " + T + ", answer: NO}");
        assertTrue(inference.fits(new Answer.Inference("?")));
        assertFalse(inference.fits(new Answer.Inference("MAYBE")));
        FreeTextQuestion text = question(FreeTextQuestion.class, "{type: free-text, id: q, prompt: " + T + "}");
        assertTrue(text.fits(new Answer.Text("x".repeat(FreeTextQuestion.MAX_TEXT))));
        assertFalse(text.fits(new Answer.Text("x".repeat(FreeTextQuestion.MAX_TEXT + 1))));
        assertTrue(RATING.fits(new Answer.Ratings(Map.of("calm", 5))));
        assertFalse(RATING.fits(new Answer.Ratings(Map.of("calm", 6))), "ratings are 1 to 5");
        assertFalse(RATING.fits(new Answer.Ratings(Map.of("other", 3))));
        RolePlayQuestion rp = question(RolePlayQuestion.class, GradingTest.ROLE_PLAY);
        assertTrue(rp.fits(new Answer.Path(List.of("a", "b"))));
        assertFalse(rp.fits(new Answer.Path(List.of("a", "b", "a"))), "past the end of the conversation");
        assertFalse(rp.fits(new Answer.Path(List.of("c"))), "a response the node does not offer");
    }

    @Test
    void thePageInputBecomesAnAnswerInContentIds() {
        assertEquals(new Answer.Choices(Set.of("a")), SINGLE.read(new PageInput(List.of("ta"), Map.of(), TOKENS)));
        assertNull(SINGLE.read(new PageInput(List.of(), Map.of(), TOKENS)), "nothing picked: nothing to save");
        assertThrows(ForgedAnswerException.class, () -> SINGLE.read(new PageInput(List.of("a"), Map.of(), TOKENS)),
                "a content id is not a token of the attempt");
        assertEquals(new Answer.Order(List.of("b", "a")), ORDERING.read(new PageInput(List.of("tb", "ta"), Map.of(), TOKENS)));
        assertEquals(new Answer.Matches(Map.of("a", "b")), MATCHING.read(new PageInput(List.of(), Map.of("a", "tb", "b", ""), TOKENS)),
                "a left side without a choice is left out");
        assertEquals(new Answer.Ratings(Map.of("calm", 4)), RATING.read(new PageInput(List.of(), Map.of("calm", "4"), Map.of())));
        assertThrows(ForgedAnswerException.class, () -> RATING.read(new PageInput(List.of(), Map.of("calm", "lots"), Map.of())));
        TrueFalseQuestion tf = question(TrueFalseQuestion.class, "{type: true-false, id: q, prompt: " + T + ", answer: true}");
        assertEquals(new Answer.Bool(false), tf.read(new PageInput(List.of("false"), Map.of(), Map.of())));
        assertThrows(ForgedAnswerException.class, () -> tf.read(new PageInput(List.of("yes"), Map.of(), Map.of())));
    }

    @Test
    void answeredMeansComplete() {
        assertFalse(MATCHING.complete(new Answer.Matches(Map.of("a", "a"))), "one left side still open");
        assertTrue(MATCHING.complete(new Answer.Matches(Map.of("a", "a", "b", "b"))));
        assertFalse(RATING.complete(new Answer.Ratings(Map.of("calm", 3))));
        assertFalse(MULTI.complete(new Answer.Choices(Set.of())));
        assertFalse(ORDERING.answeredOnPage(new Answer.Order(List.of("a", "b")), false), "the shuffled order alone is no answer");
        assertTrue(ORDERING.answeredOnPage(new Answer.Order(List.of("a", "b")), true));
        RolePlayQuestion rp = question(RolePlayQuestion.class, GradingTest.ROLE_PLAY);
        assertFalse(rp.answeredOnPage(new Answer.Path(List.of("a")), true), "the conversation goes on");
        assertTrue(rp.answeredOnPage(new Answer.Path(List.of("a", "a")), true));
        assertFalse(ORDERING.autosaved(), "moved with buttons, saved through the page");
        assertTrue(SINGLE.autosaved());
    }

    @Test
    void theContentCheckFindsWhatTheSchemaCannot() {
        SingleChoiceQuestion twoRight = question(SingleChoiceQuestion.class, "{type: single-choice, id: q, prompt: " + T
                + ", options: [{id: a, text: " + T + ", correct: true}, {id: b, text: " + T + ", correct: true}]}");
        assertEquals(List.of("a single-choice question needs exactly one correct option"), twoRight.contentProblems(false));
        assertEquals(List.of(), SINGLE.contentProblems(false));
        InferenceQuestion inference = question(InferenceQuestion.class, "{type: inference, id: q, statement: " + T + ", answer: NO}");
        assertEquals(1, inference.contentProblems(false).size(), "outside a listening game");
        assertEquals(List.of(), inference.contentProblems(true));
        SelfRatingQuestion twice = question(SelfRatingQuestion.class, "{type: self-rating, id: q, prompt: " + T
                + ", statements: [{id: calm, text: " + T + "}, {id: calm, text: " + T + "}]}");
        assertEquals(List.of("duplicate id calm"), twice.contentProblems(false));
        FreeTextQuestion noModel = question(FreeTextQuestion.class, "{type: free-text, id: q, prompt: " + T
                + ", rubric: [{id: r1, criterion: " + T + ", points: 3}]}");
        assertEquals(List.of("graded free text needs a modelAnswer"), noModel.contentProblems(false));
    }

    @Test
    void theDrawHidesOptionsAndTheKeyOrderBehindTokens() {
        assertEquals(List.of("a", "b"), SINGLE.optionIds());
        assertFalse(SINGLE.alwaysShuffled());
        assertTrue(ORDERING.alwaysShuffled(), "the content order is the key");
        assertTrue(MATCHING.alwaysShuffled());
        assertEquals(List.of(), RATING.optionIds(), "statements are shown by id: nothing to hide");
    }

    @Test
    void theReviewShowsTheAnswerAndTheKeyInWords() {
        assertEquals("text", SINGLE.rightAnswer(Language.EN));
        assertEquals("1. text\n2. text", ORDERING.describe(new Answer.Order(List.of("b", "a")), Language.EN));
        RolePlayQuestion rp = question(RolePlayQuestion.class, GradingTest.ROLE_PLAY);
        ReviewExtras all = rp.reviewExtras(new Answer.Path(List.of("b", "a")), new Review(true, true, true, true), Language.EN);
        assertEquals(2, all.path().size());
        assertEquals("x", all.path().get(0).better(), "the better response at the first node (the role-play's texts are x)");
        ReviewExtras none = rp.reviewExtras(new Answer.Path(List.of("b", "a")), new Review(false, false, false, false), Language.EN);
        assertEquals(List.of(), none.path());
        assertEquals(Map.of(), none.dimensions());
        assertNull(none.outcome());
    }
}
