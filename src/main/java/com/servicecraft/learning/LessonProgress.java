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
 * One trainee's reading of one lesson: when first opened, time spent, when completed and on
 * which module version. Completion is kept when the content changes later.
 */
@Entity
@Table(name = "lesson_progress")
public class LessonProgress {
    /** A page heartbeat never credits more than this, so a tab left open overnight is not "time spent". */
    public static final Duration MAX_CREDIT = Duration.ofSeconds(90);

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

    /** The trainee is (still) reading: credit the time since the last sign of life, capped. */
    public void seen(Instant now) {
        Duration gap = Duration.between(lastSeenAt, now);
        if (!gap.isNegative()) {
            secondsSpent += (int) Math.min(gap.getSeconds(), MAX_CREDIT.getSeconds());
        }
        lastSeenAt = now;
    }

    /** Reached the end and confirmed. Completing twice keeps the first time. */
    public void complete(String currentModuleVersion, Instant now) {
        seen(now);
        if (completedAt == null) {
            completedAt = now;
            moduleVersion = currentModuleVersion;
        }
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
}
