package com.servicecraft.quiz;

import com.servicecraft.question.PathStep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One question of a submitted attempt as the result page shows it. Which parts are filled depends
 * on {@link ReviewVisibility}: the trainee's answer ({@code showsResponse}), right/wrong and points
 * ({@code fraction}, {@code trainerPoints}, {@code dimensions}), the right answer, explanations and
 * the trainer's comment. A null part is not shown.
 */
public record ReviewRow(int number, String questionId, String type, String moduleId, String prompt, String yourAnswer,
                        boolean showsResponse,
                        String rightAnswer, String explanation, String distractor, Double fraction, boolean pending,
                        String trainerComment, List<PathStep> path, Map<String, Double> dimensions, String outcome,
                        String trainerPoints)
        implements Serializable {

    public String verdict() {
        if (pending) {
            return "pending";
        }
        if (fraction == null) {
            return "unscored";
        }
        return fraction >= 0.999 ? "right" : fraction <= 0.001 ? "wrong" : "partial";
    }

    /** Rubric dimensions of a role-play with their percentage, in the order the content lists them. */
    public List<DimensionScore> dimensionScores() {
        return dimensions.entrySet().stream().map(e -> new DimensionScore(e.getKey(), (int) Math.round(e.getValue() * 100))).toList();
    }

    public record DimensionScore(String name, int percent) implements Serializable {
    }

    public int percent() {
        return fraction == null ? 0 : (int) Math.round(fraction * 100);
    }
}
