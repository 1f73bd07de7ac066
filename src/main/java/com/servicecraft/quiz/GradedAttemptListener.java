package com.servicecraft.quiz;

import jakarta.persistence.EntityManager;

/**
 * Told when an attempt was graded (by the computer at submission or expiry, or by a trainer who
 * graded written work), inside the grading transaction: what it writes commits or rolls back with
 * the grade. Implemented by features above {@code quiz} (the LTI grade outbox), so that quiz does
 * not depend on them. The attempt is GRADED, or AWAITING_TRAINER when written work still waits.
 */
public interface GradedAttemptListener {
    void graded(EntityManager em, Attempt attempt);
}
