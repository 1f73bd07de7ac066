package com.servicecraft.quiz;

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
import java.util.List;
import java.util.function.Predicate;

/**
 * One try at a quiz, exercise or the post-course test. Its answers are its {@link AttemptItem}s,
 * saved one by one as they change; the attempt itself only moves IN_PROGRESS → SUBMITTED → GRADED
 * (or AWAITING_TRAINER until its written work is graded). The move to SUBMITTED is persisted as a
 * conditional update in {@link AttemptService}, so it happens exactly once; the totals and the
 * state after grading are decided here ({@link #total}).
 */
@Entity
@Table(name = "attempt")
public class Attempt implements java.io.Serializable {
    /** Practice shows feedback per question and does not count; a test counts. */
    public enum Mode { PRACTICE, TEST }

    /** Who ended the attempt: the trainee, or its time limit (the sweep, or a submit after the deadline). */
    public enum SubmittedBy { TRAINEE, TIMEOUT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AttemptKind kind;

    @Column(name = "source_id", nullable = false, length = 80)
    private String sourceId;

    @Column(name = "attempt_number", nullable = false)
    private int attemptNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AttemptStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Mode mode;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    private Instant deadline;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "submitted_by", length = 16)
    private SubmittedBy submittedBy;

    @Column(name = "graded_at")
    private Instant gradedAt;

    private Double points;

    @Column(name = "max_points")
    private Double maxPoints;

    @Column(name = "score_percent")
    private Double scorePercent;

    @Column(name = "pass_mark", nullable = false)
    private int passMark;

    private Boolean passed;

    @Column(name = "current_position", nullable = false)
    private int currentPosition;

    @Column(name = "passage_shown_at")
    private Instant passageShownAt;

    @Version
    private long version;

    protected Attempt() {
    }

    public Attempt(long userId, AttemptKind kind, String sourceId, int attemptNumber, Mode mode, int passMark,
                   Instant now, Instant deadline) {
        this.userId = userId;
        this.kind = kind;
        this.sourceId = sourceId;
        this.attemptNumber = attemptNumber;
        this.mode = mode;
        this.passMark = passMark;
        this.startedAt = now;
        this.deadline = deadline;
        this.status = AttemptStatus.IN_PROGRESS;
    }

    /**
     * Adds up its items' grades and moves on. Each item of a scored question counts one point at
     * most, its fraction; one without a fraction yet waits for its trainer, and so does the attempt
     * (AWAITING_TRAINER). Otherwise it is GRADED with its percentage and whether it passed (an
     * attempt with nothing scored passes).
     *
     * @param scored whether an item's question counts towards the score at all
     */
    public void total(List<AttemptItem> items, Predicate<AttemptItem> scored, Instant now) {
        double sum = 0;
        double max = 0;
        boolean pending = false;
        for (AttemptItem item : items) {
            if (scored.test(item)) {
                max += 1;
                sum += item.getFraction() == null ? 0 : item.getFraction();
                pending |= item.getFraction() == null;
            }
        }
        graded(sum, max, pending, now);
    }

    private void graded(double points, double maxPoints, boolean pendingTrainer, Instant now) {
        this.points = points;
        this.maxPoints = maxPoints;
        if (pendingTrainer) {
            this.status = AttemptStatus.AWAITING_TRAINER;
            return;
        }
        this.status = AttemptStatus.GRADED;
        this.gradedAt = now;
        this.scorePercent = maxPoints > 0 ? Math.round(points / maxPoints * 1000) / 10.0 : null;
        this.passed = scorePercent == null || scorePercent >= passMark;
    }

    public boolean isExpired(Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    public Long getId() { return id; }
    public long getUserId() { return userId; }
    public AttemptKind getKind() { return kind; }
    public String getSourceId() { return sourceId; }
    public int getAttemptNumber() { return attemptNumber; }
    public AttemptStatus getStatus() { return status; }
    public Mode getMode() { return mode; }
    public boolean isPractice() { return mode == Mode.PRACTICE; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getDeadline() { return deadline; }
    public Instant getSubmittedAt() { return submittedAt; }
    public SubmittedBy getSubmittedBy() { return submittedBy; }
    public Instant getGradedAt() { return gradedAt; }
    public Double getPoints() { return points; }
    public Double getMaxPoints() { return maxPoints; }
    public Double getScorePercent() { return scorePercent; }
    public int getPassMark() { return passMark; }
    public Boolean getPassed() { return passed; }
    public int getCurrentPosition() { return currentPosition; }
    public Instant getPassageShownAt() { return passageShownAt; }
    public long getVersion() { return version; }
}
