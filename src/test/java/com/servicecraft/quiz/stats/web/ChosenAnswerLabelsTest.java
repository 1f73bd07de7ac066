package com.servicecraft.quiz.stats.web;

import com.servicecraft.shared.LocalizedText;
import com.servicecraft.shared.Language;
import com.servicecraft.question.Choice;
import com.servicecraft.question.MultipleChoiceQuestion;
import com.servicecraft.question.QuestionInfo;
import com.servicecraft.question.TrueFalseQuestion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Item statistics name the answers by their text in the trainer's language, never by internal ids. */
class ChosenAnswerLabelsTest {
    private static final QuestionInfo INFO = new QuestionInfo("t", "easy", false, LocalizedText.of("问", "Q"), null, null);

    @Test
    void chosenOptionsAreShownByTheirText() {
        var q = new MultipleChoiceQuestion("q1", INFO, List.of(
                new Choice("a", LocalizedText.of("先**问候**", "Greet **first**"), true),
                new Choice("b", LocalizedText.of("请坐", "Offer a seat"), true),
                new Choice("c", LocalizedText.of("离开", "Walk away"), false)));
        Map<String, Integer> counts = new TreeMap<>(Map.of("a+b", 3, "c", 1));

        assertEquals("Greet first + Offer a seat: 3, Walk away: 1", ChosenAnswerLabels.distribution(q, counts, Language.EN));
        assertEquals("先问候 + 请坐: 3, 离开: 1", ChosenAnswerLabels.distribution(q, counts, Language.ZH_CN));
    }

    @Test
    void trueAndFalseAreWordsOfTheTrainersLanguage() {
        var q = new TrueFalseQuestion("q2", INFO, true);
        Map<String, Integer> counts = new TreeMap<>(Map.of("false", 1, "true", 2));

        assertEquals("False: 1, True: 2", ChosenAnswerLabels.distribution(q, counts, Language.EN));
        assertEquals("—", ChosenAnswerLabels.distribution(q, Map.of(), Language.EN));
    }
}
