package com.servicecraft.actionplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The trainee's progress against one goal (by its position) at one follow-up. */
@Entity
@Table(name = "action_plan_follow_up_entry")
public class FollowUpEntry implements java.io.Serializable {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "follow_up_id", nullable = false)
    private FollowUp followUp;

    @Column(name = "goal_position", nullable = false)
    private int goalPosition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProgressStatus status;

    @Lob
    @Column(nullable = false, length = 1_000_000_000)
    private String progress;

    protected FollowUpEntry() {
    }

    FollowUpEntry(FollowUp followUp, int goalPosition, ProgressStatus status, String progress) {
        this.followUp = followUp;
        this.goalPosition = goalPosition;
        this.status = status;
        this.progress = progress;
    }

    void update(ProgressStatus status, String progress) {
        this.status = status;
        this.progress = progress;
    }

    public Long getId() { return id; }
    public int getGoalPosition() { return goalPosition; }
    public ProgressStatus getStatus() { return status; }
    public String getProgress() { return progress; }
}
