package com.servicecraft.quiz;

import com.servicecraft.question.QuestionBuilder;
import com.servicecraft.shared.LocalizedText;
import com.servicecraft.question.QuestionInfo;
import com.servicecraft.question.SelfRatingQuestion;
import com.servicecraft.question.TrueFalseQuestion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Check my answer" is offered only where there is an answer to compare with. */
class CheckMyAnswerTest {
    private static final QuestionInfo INFO = new QuestionInfo("t", "easy", false, LocalizedText.of("问", "Q"), null, null);

    @Test
    void aQuestionWithARightAnswerCanBeChecked() {
        assertTrue(new TrueFalseQuestion("q1", INFO, true).checkable());
    }

    @Test
    void aSelfRatingHasNothingToCheck() {
        assertFalse(new SelfRatingQuestion("q2", INFO, List.of()).checkable());
    }

    @Test
    void aRolePlayAnswersTurnByTurnInstead() {
        assertFalse(QuestionBuilder.question(com.servicecraft.question.Question.class, """
                type: role-play
                id: rp1
                prompt: {zh-CN: 角色扮演, en: Role-play}
                scenario: {zh-CN: 顾客生气, en: An angry customer}
                dimensions: [empathy]
                start: n1
                nodes:
                  - id: n1
                    customer: {zh-CN: 你好, en: Hello}
                    outcome: {zh-CN: 结束, en: The end}
                """).checkable());
    }
}
