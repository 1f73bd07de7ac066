package com.servicecraft.quiz.stats.web;

import com.servicecraft.content.InlineMarkdown;
import com.servicecraft.shared.Language;
import com.servicecraft.question.Question;

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
        List<String> parts = question.chosenLabels(chosen, language);
        return parts == null ? chosen : parts.stream().map(ChosenAnswerLabels::shorten).collect(Collectors.joining(" + "));
    }

    private static String shorten(String text) {
        String plain = InlineMarkdown.plain(text).strip();
        return plain.length() <= MAX ? plain : plain.substring(0, MAX - 1) + "…";
    }
}
