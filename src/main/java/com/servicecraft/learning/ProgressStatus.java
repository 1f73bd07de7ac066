package com.servicecraft.learning;

/** Where a trainee stands on a module or the course, as trainees, trainers and HR see it. */
public enum ProgressStatus {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    OVERDUE,
    FAILED
}
