package com.servicecraft.notification;

/** What a notification is about; each kind has a title and a text in the message bundles (notification.&lt;kind&gt;.*). */
public enum NotificationKind {
    ASSIGNMENT_NEW,
    DUE_SOON,
    OVERDUE,
    WORK_GRADED,
    ACTION_PLAN_SUBMITTED,
    ACTION_PLAN_RETURNED,
    ACTION_PLAN_APPROVED,
    FOLLOW_UP_DUE,
    /** To a trainee: the course certificate was issued; links to the home page where it is. */
    CERTIFICATE_ISSUED
}
