package com.servicecraft.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;

/**
 * One trainee's reading of one lesson: when first opened, the engaged time spent on it, when
 * completed and on which module version. Completion is kept when the content changes later.
 * <p>
 * Engaged time grows only from the lesson page's heartbeats: each accepted heartbeat credits the
 * time since the previous sign of life ({@code lastSeenAt}), at most {@link #MAX_CREDIT}, so time
 * with the page hidden, the reader idle or the browser closed counts for nothing, and a flood of
 * heartbeats adds nothing beyond the time that really passed. Trainees, trainers and HR all see
 * this one figure ({@code seconds_spent}).
 */
@Entity
@Table(name = "lesson_progress")
public class LessonProgress {
    /** How often the lesson page sends a heartbeat while it is visible and the reader is active. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** The most one heartbeat credits: one interval plus slack for a late browser timer. */
    public static final Duration MAX_CREDIT = Duration.ofSeconds(20);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "module_id", nullable = false, length = 80)
    private String moduleId;

    @Column(name = "lesson_id", nullable = false, length = 80)
    private String lessonId;

    @Column(name = "module_version", nullable = false, length = 16)
    private String moduleVersion;

    @Column(name = "first_opened_at", nullable = false)
    private Instant firstOpenedAt;

    /** The last sign of life: opening, a heartbeat or completion; the baseline of the next credit. */
    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "seconds_spent", nullable = false)
    private int secondsSpent;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected LessonProgress() {
    }

    public LessonProgress(long userId, String moduleId, String lessonId, String moduleVersion, Instant now) {
        this.userId = userId;
        this.moduleId = moduleId;
        this.lessonId = lessonId;
        this.moduleVersion = moduleVersion;
        this.firstOpenedAt = now;
        this.lastSeenAt = now;
    }

    /**
     * The page (re)starts counting: opened, shown again after being hidden, or the reader is active
     * again after a pause. Credits nothing; the next heartbeat counts from now.
     */
    public void resume(Instant now) {
        if (now.isAfter(lastSeenAt)) {
            lastSeenAt = now;
        }
    }

    /**
     * A heartbeat: credits the whole seconds since the last sign of life, at most {@link #MAX_CREDIT}.
     * The fraction of a second left over stays for the next heartbeat, so regular heartbeats add up
     * to exactly the time that passed. Returns the seconds credited.
     */
    public int beat(Instant now) {
        Duration gap = Duration.between(lastSeenAt, now);
        if (gap.isNegative()) {
            return 0;
        }
        if (gap.compareTo(MAX_CREDIT) > 0) {
            secondsSpent += (int) MAX_CREDIT.getSeconds();
            lastSeenAt = now;
            return (int) MAX_CREDIT.getSeconds();
        }
        int credit = (int) gap.getSeconds();
        secondsSpent += credit;
        lastSeenAt = lastSeenAt.plusSeconds(credit);
        return credit;
    }

    /** Seconds still to read before {@code requiredSeconds} of engaged time are reached (0 when reached). */
    public int secondsLeft(int requiredSeconds) {
        return Math.max(0, requiredSeconds - secondsSpent);
    }

    /**
     * Reached the end and confirmed: the click counts as a heartbeat, then the lesson is completed if
     * the engaged time reaches {@code requiredSeconds}. Completing twice keeps the first time.
     * Returns whether the lesson is (now) completed.
     */
    public boolean complete(String currentModuleVersion, Instant now, int requiredSeconds) {
        beat(now);
        if (completedAt == null && secondsLeft(requiredSeconds) == 0) {
            completedAt = now;
            moduleVersion = currentModuleVersion;
        }
        return completedAt != null;
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    public Long getId() { return id; }
    public long getUserId() { return userId; }
    public String getModuleId() { return moduleId; }
    public String getLessonId() { return lessonId; }
    public String getModuleVersion() { return moduleVersion; }
    public Instant getFirstOpenedAt() { return firstOpenedAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }
    public int getSecondsSpent() { return secondsSpent; }
    public Instant getCompletedAt() { return completedAt; }
    public long getVersion() { return version; }
}
