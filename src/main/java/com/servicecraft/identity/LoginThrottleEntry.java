package com.servicecraft.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Consecutive failed sign-ins for one key: an account ({@code user:<name>}) or a client address
 * ({@code addr:<address>}). A {@link ThrottleRule} turns the count into the moment the next attempt
 * may be made; attempts before it are refused without checking the password and do not count.
 * Nothing is ever locked for good: the delay is capped, and a success on the account clears its row.
 * The rows live in the database, so every node sees the same counts.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottleEntry {
    @Id
    @Column(name = "throttle_key", length = 160)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    protected LoginThrottleEntry() {
    }

    public LoginThrottleEntry(String key, Instant now) {
        this.key = key;
        this.lastFailureAt = now;
        this.nextAttemptAt = now;
    }

    /** True when an attempt at {@code now} must be refused unchecked. */
    public boolean mustWait(Instant now) {
        return now.isBefore(nextAttemptAt);
    }

    public void recordFailure(Instant now, ThrottleRule rule) {
        if (failures > 0 && !now.isBefore(lastFailureAt.plus(rule.resetAfter()))) {
            failures = 0;
        }
        failures++;
        lastFailureAt = now;
        nextAttemptAt = now.plus(rule.delayAfter(failures));
    }

    public String getKey() {
        return key;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }
}
