package com.servicecraft.assignment;

import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.UserInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The whole course ({@code moduleId} null) or one module, set for a group or for one trainee,
 * from a start date to a due date. Invariants: exactly one of group and trainee; start ≤ due;
 * a due date is never set in the past; a withdrawn assignment is never changed again. Nothing is
 * deleted: every change is recorded as an {@link AssignmentEvent}.
 */
@Entity
@Table(name = "assignment")
public class Assignment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id")
    private Long groupId;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "module_id", length = 80)
    private String moduleId;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AssignmentStatus status;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Assignment() {
    }

    private Assignment(Long groupId, Long userId, String moduleId, LocalDate start, LocalDate due, LocalDate today,
                       long createdBy, Instant now) {
        checkDates(start, due, today);
        this.groupId = groupId;
        this.userId = userId;
        this.moduleId = moduleId;
        this.startDate = start;
        this.dueDate = due;
        this.status = AssignmentStatus.ACTIVE;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static Assignment toGroup(long groupId, String moduleId, LocalDate start, LocalDate due, LocalDate today, long by, Instant now) {
        return new Assignment(groupId, null, moduleId, start, due, today, by, now);
    }

    public static Assignment toTrainee(long userId, String moduleId, LocalDate start, LocalDate due, LocalDate today, long by, Instant now) {
        return new Assignment(null, userId, moduleId, start, due, today, by, now);
    }

    /** Field paths of the two dates in a refusal, for the page to mark the input. */
    public static final String START = "start";
    public static final String DUE = "due";

    /** The rules for a pair of dates, checked before anything is written; a refusal names the date at fault. */
    public static void checkDates(LocalDate start, LocalDate due, LocalDate today) {
        if (start == null || due == null) {
            throw refused(start == null ? START : DUE, "assignment.datesRequired");
        }
        if (due.isBefore(today)) {
            throw refused(DUE, "assignment.dueInPast");
        }
        if (due.isBefore(start)) {
            throw refused(DUE, "assignment.dueBeforeStart");
        }
    }

    private static UserInputException refused(String field, String key) {
        return new UserInputException(java.util.List.of(new FieldProblem(field, key)));
    }

    /** New dates; the old ones stay in the history. */
    public void reschedule(LocalDate start, LocalDate due, LocalDate today, Instant now) {
        requireActive();
        checkDates(start, due, today);
        this.startDate = start;
        this.dueDate = due;
        this.updatedAt = now;
    }

    public void withdraw(Instant now) {
        requireActive();
        this.status = AssignmentStatus.WITHDRAWN;
        this.updatedAt = now;
    }

    private void requireActive() {
        if (status != AssignmentStatus.ACTIVE) {
            throw new UserInputException("assignment.withdrawn");
        }
    }

    public boolean isCourse() {
        return moduleId == null;
    }

    /** Past its due date on {@code today} (the due day itself still counts as in time). */
    public boolean isOverdueOn(LocalDate today) {
        return today.isAfter(dueDate);
    }

    public Long getId() { return id; }
    public Long getGroupId() { return groupId; }
    public Long getUserId() { return userId; }
    public String getModuleId() { return moduleId; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getDueDate() { return dueDate; }
    public AssignmentStatus getStatus() { return status; }
    public long getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
