package com.servicecraft.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One line of an assignment's history: CREATED, CHANGED (with the new dates) or WITHDRAWN. Never updated. */
@Entity
@Table(name = "assignment_event")
public class AssignmentEvent {
    public enum Kind { CREATED, CHANGED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assignment_id", nullable = false)
    private long assignmentId;

    @Column(nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind event;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(length = 500)
    private String note;

    @Column(name = "actor_id", nullable = false)
    private long actorId;

    @Column(nullable = false)
    private Instant at;

    protected AssignmentEvent() {
    }

    public AssignmentEvent(Assignment a, Kind event, String note, long actorId, Instant now) {
        this.assignmentId = a.getId();
        this.event = event;
        this.startDate = a.getStartDate();
        this.dueDate = a.getDueDate();
        this.note = note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(500, note.strip().length()));
        this.actorId = actorId;
        this.at = now;
    }

    public Long getId() { return id; }
    public long getAssignmentId() { return assignmentId; }
    public Kind getEvent() { return event; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getDueDate() { return dueDate; }
    public String getNote() { return note; }
    public long getActorId() { return actorId; }
    public Instant getAt() { return at; }
}
