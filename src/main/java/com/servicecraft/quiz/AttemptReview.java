package com.servicecraft.quiz;

import com.servicecraft.shared.Language;
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
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the review of a submitted attempt, showing only what {@link ReviewVisibility} allows: per
 * question the trainee's answer, right/wrong, the right answer, the explanations; no question at
 * all when none of these may be shown. Before submission nothing of this is built.
 */
public final class AttemptReview {
    private AttemptReview() {
    }

    public static List<ReviewRow> rows(AttemptService.AttemptData data, QuestionCatalog catalog, ReviewVisibility allowed,
                                       Language lang) {
        if (data.attempt().getStatus().isOpen()) {
            throw new IllegalStateException("An open attempt has no review");
        }
        List<ReviewRow> rows = new ArrayList<>();
        if (!allowed.perQuestion()) {
            return rows;
        }
        for (AttemptItem item : data.items()) {
            Question q = catalog.question(item.getModuleId(), item.getModuleVersion(), item.getQuestionId());
            rows.add(row(item, q, item.getFraction(), allowed, lang));
        }
        return rows;
    }

    /** One item's review; {@code fraction} is its grade (for practice feedback, graded on the spot). */
    public static ReviewRow row(AttemptItem item, Question q, Double fraction, ReviewVisibility allowed, Language lang) {
        boolean answers = allowed.answers();
        boolean explanations = allowed.explanations();
        boolean marks = allowed.correctness();
        boolean responses = allowed.responses();
        {
            Answer a = AnswerCodec.read(item.getResponse());
            List<ReviewRow.PathStep> path = List.of();
            Map<String, Double> dims = Map.of();
            String outcome = null;
            if (q instanceof RolePlayQuestion r) {
                path = responses ? path(r, a instanceof Answer.Path p ? p : new Answer.Path(List.of()), lang, explanations, answers) : List.of();
                Grade g = Graders.grade(r, a);
                @SuppressWarnings("unchecked")
                Map<String, Double> d = (Map<String, Double>) g.detail().get("dimensions");
                dims = marks ? d : Map.of();
                Object end = g.detail().get("end");
                outcome = end == null || !explanations ? null : r.node(end.toString()).map(n -> n.outcome() == null ? null : n.outcome().in(lang)).orElse(null);
            }
            String prompt = q instanceof InferenceQuestion i ? i.statement().in(lang)
                    : q instanceof RolePlayQuestion r ? r.scenario().in(lang)
                    : q.info().prompt() == null ? "" : q.info().prompt().in(lang);
            boolean pending = marks && fraction == null && q instanceof FreeTextQuestion f && f.scored();
            return new ReviewRow(item.getPosition() + 1, q.id(), q.typeName(), item.getModuleId(), prompt,
                    responses ? describe(q, a, lang) : null, responses,
                    answers ? right(q, lang) : null,
                    explanations && q.info().explanation() != null ? q.info().explanation().in(lang)
                            : explanations && q instanceof FreeTextQuestion f2 && f2.modelAnswer() != null ? f2.modelAnswer().in(lang) : null,
                    explanations && q.info().distractor() != null ? q.info().distractor().in(lang) : null,
                    marks ? fraction : null, pending, explanations ? item.getTrainerComment() : null, path, dims, outcome,
                    marks ? trainerPoints(item, q) : null);
        }
    }

    /** "7 / 10" for written work a trainer graded, else null. */
    static String trainerPoints(AttemptItem item, Question q) {
        if (item.getGradedBy() == null || item.getFraction() == null || !(q instanceof FreeTextQuestion f) || !f.scored()) {
            return null;
        }
        return Math.round(item.getFraction() * f.maxPoints()) + " / " + f.maxPoints();
    }

    /** Per-module score in percent (for the post-course test's bar chart). */
    public static Map<String, Double> byModule(AttemptService.AttemptData data) {
        Map<String, double[]> sums = new TreeMap<>();
        for (AttemptItem i : data.items()) {
            if (i.getFraction() != null) {
                double[] s = sums.computeIfAbsent(i.getModuleId(), k -> new double[2]);
                s[0] += i.getFraction();
                s[1] += 1;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((m, s) -> out.put(m, Math.round(s[0] / s[1] * 1000) / 10.0));
        return out;
    }

    private static List<ReviewRow.PathStep> path(RolePlayQuestion q, Answer.Path p, Language lang, boolean explain, boolean key) {
        List<ReviewRow.PathStep> steps = new ArrayList<>();
        RolePlayQuestion.Node node = q.node(q.start()).orElseThrow();
        for (String choice : p.choices()) {
            RolePlayQuestion.Response chosen = node.option(choice).orElse(null);
            if (chosen == null || node.end()) {
                break;
            }
            RolePlayQuestion.Response best = node.options().stream()
                    .max((x, y) -> Integer.compare(total(x, q), total(y, q))).orElseThrow();
            boolean better = total(best, q) > total(chosen, q);
            steps.add(new ReviewRow.PathStep(node.customer().in(lang), chosen.text().in(lang),
                    explain ? chosen.feedback().in(lang) : null,
                    key && better ? best.text().in(lang) : null, key && explain && better ? best.feedback().in(lang) : null));
            node = q.node(chosen.next()).orElseThrow();
        }
        return steps;
    }

    private static int total(RolePlayQuestion.Response r, RolePlayQuestion q) {
        return q.dimensions().stream().mapToInt(r::score).sum();
    }

    static String describe(Question q, Answer a, Language lang) {
        if (a == null) {
            return null;
        }
        if (a instanceof Answer.Choices c && q instanceof SingleChoiceQuestion s) {
            return texts(s.options(), c.ids(), lang);
        } else if (a instanceof Answer.Choices c && q instanceof MultipleChoiceQuestion m) {
            return texts(m.options(), c.ids(), lang);
        } else if (a instanceof Answer.Bool b) {
            return yesNo(b.value(), lang);
        } else if (a instanceof Answer.Matches x && q instanceof MatchingQuestion m) {
            return m.pairs().stream().map(p -> p.left().in(lang) + " → " + m.pairs().stream()
                    .filter(r -> r.id().equals(x.leftToRight().get(p.id()))).findFirst().map(r -> r.right().in(lang)).orElse("—"))
                    .collect(Collectors.joining("\n"));
        } else if (a instanceof Answer.Order o && q instanceof OrderingQuestion oq) {
            List<String> out = new ArrayList<>();
            for (String id : o.ids()) {
                oq.items().stream().filter(i -> i.id().equals(id)).findFirst().ifPresent(i -> out.add((out.size() + 1) + ". " + i.text().in(lang)));
            }
            return String.join("\n", out);
        } else if (a instanceof Answer.Inference i) {
            return i.value();
        } else if (a instanceof Answer.Text t) {
            return t.text();
        } else if (a instanceof Answer.Ratings r && q instanceof SelfRatingQuestion s) {
            return s.statements().stream().map(st -> st.text().in(lang) + ": " + r.ratings().getOrDefault(st.id(), 0))
                    .collect(Collectors.joining("\n"));
        }
        return null;
    }

    static String right(Question q, Language lang) {
        if (q instanceof SingleChoiceQuestion s) {
            return texts(s.options(), s.options().stream().filter(Choice::correct).map(Choice::id).collect(Collectors.toSet()), lang);
        } else if (q instanceof MultipleChoiceQuestion m) {
            return texts(m.options(), m.options().stream().filter(Choice::correct).map(Choice::id).collect(Collectors.toSet()), lang);
        } else if (q instanceof TrueFalseQuestion t) {
            return yesNo(t.answer(), lang);
        } else if (q instanceof MatchingQuestion m) {
            return m.pairs().stream().map(p -> p.left().in(lang) + " → " + p.right().in(lang)).collect(Collectors.joining("\n"));
        } else if (q instanceof OrderingQuestion o) {
            List<String> out = new ArrayList<>();
            for (TextItem i : o.items()) {
                out.add((out.size() + 1) + ". " + i.text().in(lang));
            }
            return String.join("\n", out);
        } else if (q instanceof InferenceQuestion i) {
            return i.answer();
        }
        return null;
    }

    private static String texts(List<Choice> options, Set<String> ids, Language lang) {
        return options.stream().filter(o -> ids.contains(o.id())).map(o -> o.text().in(lang)).collect(Collectors.joining("；"));
    }

    private static String yesNo(boolean v, Language lang) {
        return com.servicecraft.shared.web.Messages.text(lang.locale(), v ? "quiz.true" : "quiz.false");
    }

}
