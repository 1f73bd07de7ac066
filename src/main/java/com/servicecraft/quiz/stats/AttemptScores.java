package com.servicecraft.quiz.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One graded attempt: the items it was given (with random draws, attempts may hold different items).
 * A question may appear at most once per attempt.
 */
public record AttemptScores(long attemptId, List<ItemResponse> items) {

    public AttemptScores {
        items = items == null ? List.of() : List.copyOf(items);
        Set<String> seen = new HashSet<>();
        for (ItemResponse item : items) {
            if (!seen.add(item.questionId())) {
                throw new IllegalArgumentException("question " + item.questionId() + " appears twice in attempt " + attemptId);
            }
        }
    }

    /** Sum of the item fractions (each item's maximum is 1). */
    public double total() {
        double sum = 0;
        for (ItemResponse item : items) {
            sum += item.fraction();
        }
        return sum;
    }
}
