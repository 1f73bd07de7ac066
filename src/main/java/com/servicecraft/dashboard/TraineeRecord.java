package com.servicecraft.dashboard;

import com.servicecraft.learning.CourseFacts;
import com.servicecraft.learning.LessonProgress;
import com.servicecraft.learning.ProgressStatus;
import com.servicecraft.quiz.Attempt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a trainer may see of one trainee of their groups: the course facts, each module's
 * status against its due date, lessons read, attempts, reflections and the action plan's status.
 */
public record TraineeRecord(long userId, String displayName, String username, String employeeNumber, String department,
                            CourseFacts facts, List<ModuleLine> modules, List<LessonProgress> lessons, List<Attempt> attempts,
                            List<Reflection> reflections, ActionPlanState actionPlan) {

    /** A module (null id: the course) with its due date when assigned, and the status against it. */
    public record ModuleLine(String moduleId, LocalDate dueDate, ProgressStatus status) {
    }

    /** A free-text answer to a reflection exercise. */
    public record Reflection(long attemptId, String exerciseId, String questionId, String text, Instant savedAt) {
    }

    /** The action plan's header: DRAFT, SUBMITTED, RETURNED or APPROVED (null when the trainee has none). */
    public record ActionPlanState(String status, Instant updatedAt, Instant submittedAt, Instant approvedAt) {
    }
}
