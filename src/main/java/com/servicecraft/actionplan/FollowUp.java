package com.servicecraft.actionplan;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A review of the approved plan some days after approval ("day 30"): due on its date, when the
 * trainee records progress against every goal. Created with the approval, never deleted.
 */
@Entity
@Table(name = "action_plan_follow_up")
public class FollowUp implements java.io.Serializable {
    /** Days after its date during which a follow-up is DUE; later it is OVERDUE. */
    public static final int GRACE_DAYS = 7;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false)
    private ActionPlan plan;

    @Column(name = "day_number", nullable = false)
    private int day;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "notified_at")
    private Instant notifiedAt;

    @OneToMany(mappedBy = "followUp", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("goalPosition")
    private List<FollowUpEntry> entries = new ArrayList<>();

    protected FollowUp() {
    }

    FollowUp(ActionPlan plan, int day, LocalDate dueDate) {
        this.plan = plan;
        this.day = day;
        this.dueDate = dueDate;
    }

    public FollowUpState state(LocalDate today) {
        if (recordedAt != null) {
            return FollowUpState.RECORDED;
        }
        if (today.isBefore(dueDate)) {
            return FollowUpState.UPCOMING;
        }
        return today.isAfter(dueDate.plusDays(GRACE_DAYS)) ? FollowUpState.OVERDUE : FollowUpState.DUE;
    }

    public boolean isOpenOn(LocalDate today) {
        return !today.isBefore(dueDate);
    }

    void record(int goalPosition, ProgressStatus status, String progress) {
        Optional<FollowUpEntry> existing = entry(goalPosition);
        if (existing.isPresent()) {
            existing.get().update(status, progress);
        } else {
            entries.add(new FollowUpEntry(this, goalPosition, status, progress));
        }
    }

    void recorded(Instant now) {
        this.recordedAt = now;
    }

    public Optional<FollowUpEntry> entry(int goalPosition) {
        return entries.stream().filter(e -> e.getGoalPosition() == goalPosition).findFirst();
    }

    public Long getId() { return id; }
    public int getDay() { return day; }
    public LocalDate getDueDate() { return dueDate; }
    public Instant getRecordedAt() { return recordedAt; }
    public Instant getNotifiedAt() { return notifiedAt; }
    public List<FollowUpEntry> getEntries() { return List.copyOf(entries); }
}
