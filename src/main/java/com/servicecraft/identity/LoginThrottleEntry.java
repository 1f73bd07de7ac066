package com.servicecraft.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins for one user name. After {@link #MAX_FAILURES} failures within the window the
 * name is locked for {@link #LOCK}; a success clears the entry.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottleEntry {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(5);

    @Id
    @Column(name = "throttle_key", length = 128)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginThrottleEntry() {
    }

    public LoginThrottleEntry(String key, Instant now) {
        this.key = key;
        this.windowStart = now;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public void recordFailure(Instant now) {
        if (now.isAfter(windowStart.plus(WINDOW))) {
            failures = 0;
            windowStart = now;
            lockedUntil = null;
        }
        failures++;
        if (failures >= MAX_FAILURES) {
            lockedUntil = now.plus(LOCK);
        }
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public int getFailures() {
        return failures;
    }
}
