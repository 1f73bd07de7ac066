package com.servicecraft.question;

import java.util.List;

/** What a review of an item may show; the quiz's review settings decide. */
public record Review(boolean responses, boolean correctness, boolean answers, boolean explanations) {
}
