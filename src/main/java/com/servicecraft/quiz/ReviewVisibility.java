package com.servicecraft.quiz;

import com.servicecraft.content.QuizSettings;

import java.io.Serializable;
import java.util.Set;

/**
 * What one viewer may see of one submitted attempt, as {@link ReviewPolicy} decided it. Every
 * surface that shows an attempt (result page and PDF, workbook, notifications, start and home
 * pages) asks this object and nothing else.
 *
 * @param score        the overall score, pass/fail and score per module
 * @param correctness  right/wrong and points per question (also a trainer's points for written work)
 * @param responses    the trainee's own answers (the role-play path chosen included)
 * @param answers      the right answers
 * @param explanations explanations, traps, role-play feedback and outcome, model answers, trainer comments
 */
public record ReviewVisibility(boolean score, boolean correctness, boolean responses, boolean answers, boolean explanations)
        implements Serializable {
    public static final ReviewVisibility EVERYTHING = new ReviewVisibility(true, true, true, true, true);
    public static final ReviewVisibility NOTHING = new ReviewVisibility(false, false, false, false, false);

    /** The combination a set of review options allows: the right answers bring the trainee's answers and their marks with them. */
    public static ReviewVisibility of(Set<QuizSettings.Review> options) {
        boolean answers = options.contains(QuizSettings.Review.ANSWERS);
        return new ReviewVisibility(options.contains(QuizSettings.Review.SCORE),
                answers || options.contains(QuizSettings.Review.CORRECTNESS),
                answers || options.contains(QuizSettings.Review.RESPONSES),
                answers, options.contains(QuizSettings.Review.EXPLANATIONS));
    }

    /** Whether anything per question may be shown; if not, a review lists no questions at all. */
    public boolean perQuestion() {
        return correctness || responses || answers || explanations;
    }
}
