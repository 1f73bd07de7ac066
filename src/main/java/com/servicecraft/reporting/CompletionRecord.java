package com.servicecraft.reporting;

import com.servicecraft.learning.CourseShape;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the completion records: a trainee and one assigned module, or the trainee and the
 * whole course ({@link #COURSE}). Scores are percentages (0–100); {@code null} means "none yet".
 * Personal fields of a deleted trainee arrive pseudonymized from the user table.
 */
public record CompletionRecord(long userId, String employeeNumber, String name, String department, String jobTitle,
                               String group, String moduleId, String moduleTitle, int order, String contentVersion,
                               LocalDate assignedDate, LocalDate dueDate, CompletionStatus status,
                               Instant firstStarted, Instant completedAt, Double bestScore, Double lastScore,
                               int attempts, long secondsSpent, Double postTestScore, Boolean postTestPassed,
                               String actionPlanStatus, String certificateNumber, Instant updatedAt) {
    /** The module id of the row that stands for the whole course. */
    public static final String COURSE = com.servicecraft.learning.CourseShape.COURSE;

    public boolean isCourse() {
        return COURSE.equals(moduleId);
    }
}
