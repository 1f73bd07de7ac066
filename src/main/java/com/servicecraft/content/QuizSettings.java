package com.servicecraft.content;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * How a quiz or exercise runs. {@code attempts == 0} means unlimited; {@code timeLimitMinutes == 0}
 * means no limit; {@code draw == 0} means all questions.
 */
public record QuizSettings(int draw, int passMark, int attempts, int timeLimitMinutes, boolean shuffle,
                           Mode mode, ReviewOptions review, List<String> topics, List<String> difficulties)
        implements Serializable {
    public enum Mode { PRACTICE, TEST }

    public QuizSettings {
        review = review == null ? ReviewOptions.ALL : review;
        topics = topics == null ? List.of() : List.copyOf(topics);
        difficulties = difficulties == null ? List.of() : List.copyOf(difficulties);
        mode = mode == null ? Mode.TEST : mode;
    }

    public static QuizSettings practice() {
        return new QuizSettings(0, 0, 0, 0, false, Mode.PRACTICE, ReviewOptions.ALL, List.of(), List.of());
    }

    public boolean isPractice() {
        return mode == Mode.PRACTICE;
    }

    /** What the trainee may see of a submitted attempt. */
    public record ReviewOptions(Set<Review> afterSubmit, Set<Review> afterClose) implements Serializable {
        public static final ReviewOptions ALL = new ReviewOptions(Set.of(Review.values()), Set.of(Review.values()));

        public ReviewOptions {
            afterSubmit = afterSubmit == null ? Set.of() : Set.copyOf(afterSubmit);
            afterClose = afterClose == null ? Set.of() : Set.copyOf(afterClose);
        }
    }

    /**
     * What a review may show: {@code SCORE} the overall score, pass/fail and score per module;
     * {@code CORRECTNESS} right/wrong (and points) per question; {@code RESPONSES} the trainee's own
     * answers; {@code ANSWERS} the right answers (which implies the two before: a key shown beside
     * one's answer tells right from wrong anyway); {@code EXPLANATIONS} explanations, role-play
     * feedback, model answers and the trainer's comments. How they combine: {@code quiz.ReviewPolicy}.
     */
    public enum Review { SCORE, CORRECTNESS, RESPONSES, ANSWERS, EXPLANATIONS }
}
