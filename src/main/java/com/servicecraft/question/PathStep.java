package com.servicecraft.question;

import java.io.Serializable;

/** A role-play decision in a review: the customer's line, the response chosen, its feedback, and the better choice if there was one. */
public record PathStep(String customer, String chosen, String feedback, String better, String betterFeedback)
        implements Serializable {
}
