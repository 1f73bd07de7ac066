package com.servicecraft.assignment;

import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.UserInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;

/**
 * A trainer's cohort of trainees. Invariants: a non-blank name of at most 120 characters; the
 * owner never changes (only they and administrators manage the group).
 */
@Entity
@Table(name = "training_group")
public class TrainingGroup {
    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(length = MAX_DESCRIPTION)
    private String description;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    private long version;

    protected TrainingGroup() {
    }

    public TrainingGroup(String name, String description, long ownerId, Instant now) {
        this.ownerId = ownerId;
        this.createdAt = now;
        describe(name, description);
    }

    /** Field paths of a refusal about the group's name or description (the forms' input ids). */
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";

    /** Sets name and description; a blank name or an over-long text is refused. */
    public void describe(String newName, String newDescription) {
        String n = newName == null ? "" : newName.strip();
        if (n.isEmpty()) {
            throw new UserInputException(List.of(new FieldProblem(NAME, "group.nameRequired")));
        }
        if (n.length() > MAX_NAME) {
            throw new UserInputException(List.of(new FieldProblem(NAME, "group.nameTooLong", MAX_NAME)));
        }
        String d = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
        if (d != null && d.length() > MAX_DESCRIPTION) {
            throw new UserInputException(List.of(new FieldProblem(DESCRIPTION, "group.descriptionTooLong", MAX_DESCRIPTION)));
        }
        this.name = n;
        this.description = d;
    }

    /**
     * Ends the cohort: the group leaves the trainer's lists and dashboards, its assignments stop
     * being due and reminded; memberships, assignments and HR records stay. Archiving twice is a no-op.
     */
    public void archive(Instant now) {
        if (archivedAt == null) {
            archivedAt = now;
        }
    }

    /** Brings an archived group back, with its members and assignments. */
    public void restore() {
        archivedAt = null;
    }

    public boolean isArchived() { return archivedAt != null; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public long getOwnerId() { return ownerId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getArchivedAt() { return archivedAt; }
}
