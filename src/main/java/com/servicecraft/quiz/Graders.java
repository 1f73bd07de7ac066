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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grading, one pure function per question type. A missing answer scores 0 (or stays pending for
 * free text, which a trainer grades).
 *
 * <p>Multiple choice gives partial credit: (right options picked − wrong options picked) ÷ number
 * of right options, never below 0. Picking everything therefore earns nothing when there are as
 * many wrong options as right ones.
 */
public final class Graders {
    private Graders() {
    }

    public static Grade grade(Question q, Answer a) {
        if (q instanceof SingleChoiceQuestion s) {
            return singleChoice(s, a instanceof Answer.Choices c ? c : null);
        } else if (q instanceof MultipleChoiceQuestion m) {
            return multipleChoice(m, a instanceof Answer.Choices c ? c : null);
        } else if (q instanceof TrueFalseQuestion t) {
            return Grade.of(a instanceof Answer.Bool b && b.value() == t.answer() ? 1 : 0);
        } else if (q instanceof MatchingQuestion m) {
            return matching(m, a instanceof Answer.Matches x ? x : null);
        } else if (q instanceof OrderingQuestion o) {
            return ordering(o, a instanceof Answer.Order x ? x : null);
        } else if (q instanceof InferenceQuestion i) {
            return Grade.of(a instanceof Answer.Inference x && i.answer().equals(x.value()) ? 1 : 0);
        } else if (q instanceof FreeTextQuestion f) {
            return f.scored() ? Grade.pending() : Grade.unscored();
        } else if (q instanceof SelfRatingQuestion) {
            return Grade.unscored();
        } else if (q instanceof RolePlayQuestion r) {
            return rolePlay(r, a instanceof Answer.Path p ? p : new Answer.Path(List.of()));
        }
        throw new IllegalArgumentException("No grader for " + q.typeName());
    }

    static Grade singleChoice(SingleChoiceQuestion q, Answer.Choices a) {
        if (a == null || a.ids().size() != 1) {
            return Grade.of(0);
        }
        String picked = a.ids().iterator().next();
        return Grade.of(q.options().stream().anyMatch(o -> o.correct() && o.id().equals(picked)) ? 1 : 0);
    }

    static Grade multipleChoice(MultipleChoiceQuestion q, Answer.Choices a) {
        Set<String> right = q.options().stream().filter(Choice::correct).map(Choice::id).collect(Collectors.toSet());
        if (a == null) {
            return Grade.of(0);
        }
        long hits = a.ids().stream().filter(right::contains).count();
        long misses = a.ids().size() - hits;
        return Grade.of((double) (hits - misses) / right.size());
    }

    static Grade matching(MatchingQuestion q, Answer.Matches a) {
        if (a == null) {
            return Grade.of(0);
        }
        long right = q.pairs().stream().map(MatchPair::id).filter(id -> id.equals(a.leftToRight().get(id))).count();
        return Grade.of((double) right / q.pairs().size());
    }

    static Grade ordering(OrderingQuestion q, Answer.Order a) {
        if (a == null) {
            return Grade.of(0);
        }
        List<String> correct = q.items().stream().map(TextItem::id).toList();
        int inPlace = 0;
        for (int i = 0; i < correct.size() && i < a.ids().size(); i++) {
            if (correct.get(i).equals(a.ids().get(i))) {
                inPlace++;
            }
        }
        return Grade.of((double) inPlace / correct.size());
    }

    /**
     * Replays the path: per rubric dimension, the points of the chosen options divided by what the
     * best response (highest total) at each visited node would have earned, capped at 100%, so the
     * ideal path scores 100% everywhere. The item's fraction is the mean over the dimensions that
     * could score at all. An unfinished conversation counts the missing decisions as zero.
     */
    static Grade rolePlay(RolePlayQuestion q, Answer.Path a) {
        Map<String, int[]> sums = new LinkedHashMap<>();
        q.dimensions().forEach(d -> sums.put(d, new int[2]));
        List<Map<String, Object>> steps = new ArrayList<>();
        RolePlayQuestion.Node node = q.node(q.start()).orElseThrow();
        int i = 0;
        while (!node.end()) {
            String choice = i < a.choices().size() ? a.choices().get(i) : null;
            RolePlayQuestion.Response chosen = choice == null ? null : node.option(choice).orElse(null);
            RolePlayQuestion.Response best = node.options().stream()
                    .max((x, y) -> Integer.compare(total(x, q), total(y, q))).orElseThrow();
            for (String d : q.dimensions()) {
                sums.get(d)[1] += best.score(d);
                sums.get(d)[0] += chosen == null ? 0 : chosen.score(d);
            }
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("node", node.id());
            step.put("chosen", chosen == null ? null : chosen.id());
            step.put("best", best.id());
            steps.add(step);
            if (chosen == null) {
                break;
            }
            node = q.node(chosen.next()).orElseThrow();
            i++;
        }
        Map<String, Double> perDimension = new LinkedHashMap<>();
        sums.forEach((d, s) -> {
            if (s[1] > 0) {
                perDimension.put(d, Math.min(1.0, (double) s[0] / s[1]));
            }
        });
        double fraction = perDimension.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("dimensions", perDimension);
        detail.put("steps", steps);
        detail.put("end", node.end() ? node.id() : null);
        return Grade.of(fraction, detail);
    }

    private static int total(RolePlayQuestion.Response r, RolePlayQuestion q) {
        return q.dimensions().stream().mapToInt(r::score).sum();
    }
}
