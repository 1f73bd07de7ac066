package com.servicecraft.question;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.servicecraft.question.QuestionBuilder.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradingTest {
    static final String T = "{zh-CN: x, en: x}";

    @Test
    void singleChoiceScoresOnlyTheRightOption() {
        SingleChoiceQuestion q = question(SingleChoiceQuestion.class, "{type: single-choice, id: q, prompt: " + T
                + ", options: [{id: a, text: " + T + "}, {id: b, text: " + T + ", correct: true}]}");
        assertEquals(1.0, q.grade(new Answer.Choices(Set.of("b"))).fraction());
        assertEquals(0.0, q.grade(new Answer.Choices(Set.of("a"))).fraction());
        assertEquals(0.0, q.grade(new Answer.Choices(Set.of("a", "b"))).fraction(), "two picks on a single choice");
        assertEquals(0.0, q.grade(null).fraction());
    }

    @Test
    void multipleChoiceGivesPartialCreditAndPenalisesWrongPicks() {
        MultipleChoiceQuestion q = question(MultipleChoiceQuestion.class, "{type: multiple-choice, id: q, prompt: " + T + ", options: ["
                + "{id: a, text: " + T + ", correct: true}, {id: b, text: " + T + ", correct: true}, {id: c, text: " + T + ", correct: true},"
                + "{id: d, text: " + T + "}, {id: e, text: " + T + "}]}");
        assertEquals(1.0, q.grade(new Answer.Choices(Set.of("a", "b", "c"))).fraction());
        assertEquals(2.0 / 3, q.grade(new Answer.Choices(Set.of("a", "b"))).fraction(), 1e-9);
        assertEquals(1.0 / 3, q.grade(new Answer.Choices(Set.of("a", "b", "d"))).fraction(), 1e-9);
        assertEquals(1.0 / 3, q.grade(new Answer.Choices(Set.of("a", "b", "c", "d", "e"))).fraction(), 1e-9,
                "ticking everything: 3 right − 2 wrong");
        assertEquals(0.0, q.grade(new Answer.Choices(Set.of("d", "e", "a"))).fraction(), "never below zero");
    }

    @Test
    void trueFalseAndInference() {
        TrueFalseQuestion tf = question(TrueFalseQuestion.class, "{type: true-false, id: q, prompt: " + T + ", answer: false}");
        assertEquals(1.0, tf.grade(new Answer.Bool(false)).fraction());
        assertEquals(0.0, tf.grade(new Answer.Bool(true)).fraction());
        InferenceQuestion inf = question(InferenceQuestion.class, "{type: inference, id: q, statement: " + T + ", answer: \"?\"}");
        assertEquals(1.0, inf.grade(new Answer.Inference("?")).fraction());
        assertEquals(0.0, inf.grade(new Answer.Inference("YES")).fraction(), "the assumption a listener makes");
    }

    @Test
    void matchingAndOrderingScoreTheShareInPlace() {
        MatchingQuestion m = question(MatchingQuestion.class, "{type: matching, id: q, prompt: " + T + ", pairs: ["
                + "{id: p1, left: " + T + ", right: " + T + "}, {id: p2, left: " + T + ", right: " + T + "},"
                + "{id: p3, left: " + T + ", right: " + T + "}, {id: p4, left: " + T + ", right: " + T + "}]}");
        assertEquals(0.5, m.grade(new Answer.Matches(Map.of("p1", "p1", "p2", "p2", "p3", "p4", "p4", "p3"))).fraction());
        assertEquals(0.25, m.grade(new Answer.Matches(Map.of("p1", "p1"))).fraction());
        OrderingQuestion o = question(OrderingQuestion.class, "{type: ordering, id: q, prompt: " + T + ", items: ["
                + "{id: s1, text: " + T + "}, {id: s2, text: " + T + "}, {id: s3, text: " + T + "}, {id: s4, text: " + T + "},"
                + "{id: s5, text: " + T + "}, {id: s6, text: " + T + "}]}");
        assertEquals(1.0, o.grade(new Answer.Order(List.of("s1", "s2", "s3", "s4", "s5", "s6"))).fraction());
        assertEquals(4.0 / 6, o.grade(new Answer.Order(List.of("s1", "s2", "s4", "s3", "s5", "s6"))).fraction(), 1e-9);
    }

    @Test
    void freeTextWaitsForTheTrainerAndSelfRatingsAreNotScored() {
        FreeTextQuestion graded = question(FreeTextQuestion.class, "{type: free-text, id: q, prompt: " + T
                + ", rubric: [{id: r1, criterion: " + T + ", points: 3}], modelAnswer: " + T + "}");
        assertTrue(graded.grade(new Answer.Text("我会先道歉")).pendingTrainer());
        FreeTextQuestion reflection = question(FreeTextQuestion.class, "{type: free-text, id: q, prompt: " + T + "}");
        assertNull(reflection.grade(new Answer.Text("...")).fraction());
        SelfRatingQuestion s = question(SelfRatingQuestion.class, "{type: self-rating, id: q, prompt: " + T
                + ", statements: [{id: calm, text: " + T + "}]}");
        assertNull(s.grade(new Answer.Ratings(Map.of("calm", 4))).fraction());
    }

    static final String ROLE_PLAY = "{type: role-play, id: rp, scenario: " + T + ", dimensions: [empathy, ownership], start: n1, nodes: ["
            + "{id: n1, customer: " + T + ", options: ["
            + "  {id: a, text: " + T + ", next: n2, scores: {empathy: 2, ownership: 1}, feedback: " + T + "},"
            + "  {id: b, text: " + T + ", next: n2angry, scores: {empathy: 0, ownership: 0}, feedback: " + T + "}]},"
            + "{id: n2, customer: " + T + ", options: ["
            + "  {id: a, text: " + T + ", next: kept, scores: {ownership: 2}, feedback: " + T + "},"
            + "  {id: b, text: " + T + ", next: lost, scores: {empathy: 1}, feedback: " + T + "}]},"
            + "{id: n2angry, customer: " + T + ", options: ["
            + "  {id: a, text: " + T + ", next: kept, scores: {empathy: 2, ownership: 2}, feedback: " + T + "},"
            + "  {id: b, text: " + T + ", next: lost, feedback: " + T + "}]},"
            + "{id: kept, customer: " + T + ", end: true, outcome: " + T + "},"
            + "{id: lost, customer: " + T + ", end: true, outcome: " + T + "}]}";

    @Test
    void aRolePlayScoresEachDimensionAgainstTheBestAvailableOnThePathTaken() {
        RolePlayQuestion q = question(RolePlayQuestion.class, ROLE_PLAY);
        Grade best = q.grade(new Answer.Path(List.of("a", "a")));
        assertEquals(Map.of("empathy", 1.0, "ownership", 1.0), best.detail().get("dimensions"));
        assertEquals("kept", best.detail().get("end"));

        // b then a: the best responses are n1/a (empathy 2, ownership 1) and n2angry/a (2, 2):
        // empathy 0+2 of 2+2, ownership 0+2 of 1+2.
        Grade recovered = q.grade(new Answer.Path(List.of("b", "a")));
        @SuppressWarnings("unchecked")
        Map<String, Double> dims = (Map<String, Double>) recovered.detail().get("dimensions");
        assertEquals(0.5, dims.get("empathy"), 1e-9);
        assertEquals(2.0 / 3, dims.get("ownership"), 1e-9);
        assertEquals((0.5 + 2.0 / 3) / 2, recovered.fraction(), 1e-9);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) recovered.detail().get("steps");
        assertEquals("a", steps.get(0).get("best"), "the better choice at the first node is shown");

        Grade lost = q.grade(new Answer.Path(List.of("a", "b")));
        assertEquals("lost", lost.detail().get("end"));
        assertTrue(lost.fraction() < best.fraction());
        assertEquals(0.0, q.grade(new Answer.Path(List.of())).fraction(), "an untouched role-play scores nothing");
    }
}
