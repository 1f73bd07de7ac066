package com.servicecraft.quiz.stats.web;

import com.servicecraft.content.InlineMarkdown;
import com.servicecraft.shared.Language;
import com.servicecraft.question.Choice;
import com.servicecraft.question.MultipleChoiceQuestion;
import com.servicecraft.question.Question;
import com.servicecraft.question.SingleChoiceQuestion;
import com.servicecraft.question.TrueFalseQuestion;
import com.servicecraft.shared.web.Messages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The answers of an option distribution as a trainer reads them: option texts instead of the
 * stored option ids ("a+c" → "Greet first + Offer a seat"), true/false in the reader's language.
 * YES / NO / ? of the listening game are the game's own words and stay as they are.
 */
final class ChosenAnswerLabels {
    private static final int MAX = 60;

    private ChosenAnswerLabels() {
    }

    static String distribution(Question question, Map<String, Integer> counts, Language language) {
        if (counts.isEmpty()) {
            return "—";
        }
        return counts.entrySet().stream().map(e -> label(question, e.getKey(), language) + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String label(Question question, String chosen, Language language) {
        if (question instanceof TrueFalseQuestion && ("true".equals(chosen) || "false".equals(chosen))) {
            return Messages.text(language.locale(), "quiz." + chosen);
        }
        List<Choice> options = question instanceof SingleChoiceQuestion s ? s.options()
                : question instanceof MultipleChoiceQuestion m ? m.options() : null;
        if (options == null) {
            return chosen;
        }
        return Arrays.stream(chosen.split("\\+"))
                .map(id -> options.stream().filter(o -> o.id().equals(id)).findFirst()
                        .map(o -> shorten(o.text().in(language))).orElse(id))
                .collect(Collectors.joining(" + "));
    }

    private static String shorten(String text) {
        String plain = InlineMarkdown.plain(text).strip();
        return plain.length() <= MAX ? plain : plain.substring(0, MAX - 1) + "…";
    }
}
