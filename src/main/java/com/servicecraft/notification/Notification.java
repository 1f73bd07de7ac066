package com.servicecraft.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Something a user should know, shown in the app and, unless they switched it off, mailed. The
 * pair (user, dedup key) is unique, so the same reminder can never be created twice.
 */
@Entity
@Table(name = "notification")
public class Notification {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private NotificationKind kind;

    @Column(name = "dedup_key", nullable = false, length = 190)
    private String dedupKey;

    /** JSON object of the message parameters (module title, due date, …). */
    @Lob
    @Column(length = 1_000_000_000)
    private String params;

    @Column(length = 500)
    private String link;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "mail_status", nullable = false, length = 16)
    private MailStatus mailStatus;

    @Column(name = "mail_claimed_by", length = 64)
    private String mailClaimedBy;

    @Column(name = "mail_claimed_until")
    private Instant mailClaimedUntil;

    @Column(name = "mail_attempts", nullable = false)
    private int mailAttempts;

    @Column(name = "mail_sent_at")
    private Instant mailSentAt;

    protected Notification() {
    }

    public Notification(long userId, NotificationKind kind, String dedupKey, String params, String link, boolean mail, Instant now) {
        this.userId = userId;
        this.kind = kind;
        this.dedupKey = dedupKey;
        this.params = params;
        this.link = link;
        this.createdAt = now;
        this.mailStatus = mail ? MailStatus.PENDING : MailStatus.SKIPPED;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public String getParams() {
        return params;
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public MailStatus getMailStatus() {
        return mailStatus;
    }

    public int getMailAttempts() {
        return mailAttempts;
    }

    public Instant getMailSentAt() {
        return mailSentAt;
    }
}
