package com.servicecraft.quiz.stats;

import java.util.Objects;

/**
 * One question's result inside a graded attempt.
 *
 * @param questionId   the question's identifier (not null)
 * @param fraction     the item score as a fraction of the item's maximum, 0..1
 * @param chosenOption the option or answer label chosen, or null (not counted in the option distribution)
 */
public record ItemResponse(String questionId, double fraction, String chosenOption) {

    public ItemResponse {
        Objects.requireNonNull(questionId, "questionId");
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must be within 0..1, was " + fraction + " for " + questionId);
        }
    }
}
