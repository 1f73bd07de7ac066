package com.servicecraft.quiz;

import com.servicecraft.question.Answer;
import com.servicecraft.question.Question;
import com.servicecraft.question.Review;
import com.servicecraft.question.ReviewExtras;
import com.servicecraft.shared.Language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        Answer a = AnswerCodec.read(item.getResponse());
        ReviewExtras extras = q.reviewExtras(a, new Review(responses, marks, answers, explanations), lang);
        boolean pending = marks && fraction == null && !q.autoGraded() && q.scored();
        return new ReviewRow(item.getPosition() + 1, q.id(), q.typeName(), item.getModuleId(), q.reviewPrompt(lang),
                responses && a != null ? q.describe(a, lang) : null, responses,
                answers ? q.rightAnswer(lang) : null,
                explanations ? q.reviewExplanation(lang) : null,
                explanations && q.info().distractor() != null ? q.info().distractor().in(lang) : null,
                marks ? fraction : null, pending, explanations ? item.getTrainerComment() : null,
                extras.path(), extras.dimensions(), extras.outcome(),
                marks ? trainerPoints(item, q) : null);
    }

    /** "7 / 10" for written work a trainer graded, else null. */
    static String trainerPoints(AttemptItem item, Question q) {
        if (item.getGradedBy() == null || item.getFraction() == null) {
            return null;
        }
        return q.writtenWork().map(f -> Math.round(item.getFraction() * f.maxPoints()) + " / " + f.maxPoints()).orElse(null);
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
}
