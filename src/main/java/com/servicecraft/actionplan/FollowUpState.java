package com.servicecraft.actionplan;

/**
 * A follow-up on a given day: UPCOMING before its date, DUE from its date for
 * {@link FollowUp#GRACE_DAYS} days, OVERDUE after that while nothing is recorded, RECORDED once
 * the trainee has recorded progress.
 */
public enum FollowUpState {
    UPCOMING, DUE, OVERDUE, RECORDED
}
