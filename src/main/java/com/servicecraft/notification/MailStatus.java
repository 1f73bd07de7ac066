package com.servicecraft.notification;

/** Where a notification's e-mail stands. SKIPPED: the user switched e-mail off or has no address. */
public enum MailStatus {
    PENDING,
    SENT,
    SKIPPED,
    FAILED
}
