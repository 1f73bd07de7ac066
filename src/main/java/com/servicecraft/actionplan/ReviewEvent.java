package com.servicecraft.actionplan;

/** What happened to a plan in its review: the trainee submitted it, a trainer returned or approved it. */
public enum ReviewEvent {
    SUBMITTED, RETURNED, APPROVED
}
