package com.servicecraft.quiz;

import com.servicecraft.question.Choice;
import com.servicecraft.question.FreeTextQuestion;
import com.servicecraft.question.InferenceQuestion;
import com.servicecraft.question.MatchPair;
import com.servicecraft.question.MatchingQuestion;
import com.servicecraft.question.MultipleChoiceQuestion;
import com.servicecraft.question.OrderingQuestion;
import com.servicecraft.question.Question;
import com.servicecraft.question.RolePlayQuestion;
import com.servicecraft.question.SelfRatingQuestion;
import com.servicecraft.question.SingleChoiceQuestion;
import com.servicecraft.question.TextItem;
import com.servicecraft.question.TrueFalseQuestion;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Whether an answer fits its question: only its own options, a real permutation, a valid path, sane text. */
public final class AnswerValidator {
    public static final int MAX_TEXT = 20_000;
    static final Set<String> INFERENCE = Set.of("YES", "NO", "?");

    private AnswerValidator() {
    }

    public static boolean fits(Question q, Answer a) {
        if (q instanceof SingleChoiceQuestion s) {
            return a instanceof Answer.Choices c && c.ids().size() <= 1 && ids(s.options()).containsAll(c.ids());
        } else if (q instanceof MultipleChoiceQuestion m) {
            return a instanceof Answer.Choices c && ids(m.options()).containsAll(c.ids());
        } else if (q instanceof TrueFalseQuestion) {
            return a instanceof Answer.Bool;
        } else if (q instanceof MatchingQuestion m) {
            Set<String> pairs = m.pairs().stream().map(MatchPair::id).collect(Collectors.toSet());
            return a instanceof Answer.Matches x && pairs.containsAll(x.leftToRight().keySet()) && pairs.containsAll(x.leftToRight().values());
        } else if (q instanceof OrderingQuestion o) {
            List<String> items = o.items().stream().map(TextItem::id).toList();
            return a instanceof Answer.Order x && x.ids().size() == items.size() && new HashSet<>(x.ids()).equals(new HashSet<>(items));
        } else if (q instanceof InferenceQuestion) {
            return a instanceof Answer.Inference x && INFERENCE.contains(x.value());
        } else if (q instanceof FreeTextQuestion) {
            return a instanceof Answer.Text t && t.text().length() <= MAX_TEXT;
        } else if (q instanceof SelfRatingQuestion s) {
            Set<String> ids = s.statements().stream().map(TextItem::id).collect(Collectors.toSet());
            return a instanceof Answer.Ratings r && ids.containsAll(r.ratings().keySet())
                    && r.ratings().values().stream().allMatch(v -> v >= 1 && v <= 5);
        } else if (q instanceof RolePlayQuestion r) {
            return a instanceof Answer.Path p && validPath(r, p.choices());
        }
        return false;
    }

    private static boolean validPath(RolePlayQuestion q, List<String> choices) {
        RolePlayQuestion.Node node = q.node(q.start()).orElseThrow();
        for (String c : choices) {
            if (node.end()) {
                return false;
            }
            var option = node.option(c);
            if (option.isEmpty()) {
                return false;
            }
            node = q.node(option.get().next()).orElseThrow();
        }
        return true;
    }

    private static Set<String> ids(List<Choice> options) {
        return options.stream().map(Choice::id).collect(Collectors.toSet());
    }
}
