package com.servicecraft.quiz;

/** IN_PROGRESS → SUBMITTED (being graded, same transaction) → GRADED, or AWAITING_TRAINER when free text waits. */
public enum AttemptStatus {
    IN_PROGRESS, SUBMITTED, AWAITING_TRAINER, GRADED;

    public boolean isOpen() {
        return this == IN_PROGRESS;
    }
}
