package com.servicecraft.grading;

import com.servicecraft.question.FreeTextQuestion;
import com.servicecraft.question.QuestionBuilder;
import com.servicecraft.shared.UserInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A trainer's points for written work, checked against the rubric before anything is stored. */
class RubricScoreTest {
    static final String T = "{zh-CN: 文, en: text}";
    static final FreeTextQuestion WORK = QuestionBuilder.question(FreeTextQuestion.class, "{type: free-text, id: w, prompt: " + T
            + ", rubric: [{id: apology, criterion: " + T + ", points: 3}, {id: promise, criterion: " + T + ", points: 7}], modelAnswer: " + T + "}");

    @Test
    void addsUpThePointsPerCriterionInTheRubricsOrder() {
        RubricScore s = RubricScore.of(WORK, Map.of("promise", 5, "apology", 2), "  clear  ");
        assertEquals(7, s.total());
        assertEquals(10, s.maxPoints());
        assertEquals(0.7, s.fraction(), 1e-9);
        assertEquals(List.of("apology", "promise"), List.copyOf(s.perCriterion().keySet()));
        assertEquals("clear", s.comment(), "stripped");
        assertNull(RubricScore.of(WORK, Map.of("promise", 0, "apology", 0), "   ").comment(), "a blank comment is none");
    }

    @Test
    void refusesMissingOrOutOfRangePointsAndALongComment() {
        assertEquals("grading.pointsMissing",
                assertThrows(UserInputException.class, () -> RubricScore.of(WORK, Map.of("apology", 2), null)).getMessage());
        assertThrows(UserInputException.class, () -> RubricScore.of(WORK, Map.of("apology", 4, "promise", 0), null), "over the criterion's points");
        assertThrows(UserInputException.class, () -> RubricScore.of(WORK, Map.of("apology", -1, "promise", 0), null));
        assertThrows(UserInputException.class, () -> RubricScore.of(WORK, Map.of("apology", 1, "promise", 1), "x".repeat(4001)));
    }
}
