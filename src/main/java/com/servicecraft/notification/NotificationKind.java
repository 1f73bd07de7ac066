package com.servicecraft.notification;

/** What a notification is about; each kind has a title and a text in the message bundles (notification.&lt;kind&gt;.*). */
public enum NotificationKind {
    ASSIGNMENT_NEW,
    DUE_SOON,
    OVERDUE,
    WORK_GRADED,
    /** Written work graded where the review settings show the trainee no marks: no points in the text. */
    WORK_GRADED_UNMARKED,
    /** To a trainer: a trainee used up the attempts at a required quiz without a pass; links to granting more. */
    ATTEMPTS_EXHAUSTED,
    /** To a trainee: a trainer granted more attempts. */
    ATTEMPTS_GRANTED,
    ACTION_PLAN_SUBMITTED,
    ACTION_PLAN_RETURNED,
    ACTION_PLAN_APPROVED,
    FOLLOW_UP_DUE,
    /** To a trainee: the course certificate was issued; links to the home page where it is. */
    CERTIFICATE_ISSUED
}
