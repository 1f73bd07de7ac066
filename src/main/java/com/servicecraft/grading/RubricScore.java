package com.servicecraft.grading;

import com.servicecraft.question.FreeTextQuestion;
import com.servicecraft.question.RubricCriterion;
import com.servicecraft.shared.UserInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trainer's points for one written answer, checked against its rubric: every criterion given,
 * each within its points, and a comment of at most {@value #MAX_COMMENT} characters (blank: none).
 *
 * @param perCriterion criterion id → points, in the rubric's order
 * @param comment      the stripped comment, or null
 */
public record RubricScore(Map<String, Integer> perCriterion, int total, int maxPoints, String comment) {
    static final int MAX_COMMENT = 4000;

    public static RubricScore of(FreeTextQuestion question, Map<String, Integer> points, String comment) {
        Map<String, Integer> given = points == null ? Map.of() : points;
        int total = 0;
        Map<String, Integer> kept = new LinkedHashMap<>();
        for (RubricCriterion c : question.rubric()) {
            Integer p = given.get(c.id());
            if (p == null) {
                throw new UserInputException("grading.pointsMissing");
            }
            if (p < 0 || p > c.points()) {
                throw new UserInputException("grading.pointsOutOfRange", c.points());
            }
            kept.put(c.id(), p);
            total += p;
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > MAX_COMMENT) {
            throw new UserInputException("grading.commentTooLong", MAX_COMMENT);
        }
        return new RubricScore(kept, total, question.maxPoints(), note);
    }

    /** The item's grade, 0..1. */
    public double fraction() {
        return (double) total / maxPoints;
    }
}
