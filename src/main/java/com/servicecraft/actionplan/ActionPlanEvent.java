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

import java.time.Instant;

/** One step of a plan's review history, kept for good: who submitted, returned (and why) or approved it, when. */
@Entity
@Table(name = "action_plan_event")
public class ActionPlanEvent implements java.io.Serializable {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false)
    private ActionPlan plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReviewEvent event;

    @Lob
    @Column(length = 1_000_000_000)
    private String comment;

    @Column(name = "actor_id", nullable = false)
    private long actorId;

    @Column(nullable = false)
    private Instant at;

    protected ActionPlanEvent() {
    }

    ActionPlanEvent(ActionPlan plan, ReviewEvent event, String comment, long actorId, Instant at) {
        this.plan = plan;
        this.event = event;
        this.comment = comment;
        this.actorId = actorId;
        this.at = at;
    }

    public Long getId() { return id; }
    public ReviewEvent getEvent() { return event; }
    public String getComment() { return comment; }
    public long getActorId() { return actorId; }
    public Instant getAt() { return at; }
}
