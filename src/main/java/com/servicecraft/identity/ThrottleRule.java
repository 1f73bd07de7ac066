package com.servicecraft.identity;

import java.time.Duration;

/**
 * How failed sign-ins slow down further attempts: the first {@code freeFailures} cost nothing, then
 * every failure makes the next attempt wait {@code firstDelay}, doubled per further failure, at most
 * {@code maxDelay}. After {@code resetAfter} without a failure the count starts afresh.
 */
public record ThrottleRule(int freeFailures, Duration firstDelay, Duration maxDelay, Duration resetAfter) {
    /** Per account, from any address: a guesser gets about 300 tries a day; the owner waits at most 5 minutes. */
    public static final ThrottleRule ACCOUNT = new ThrottleRule(5, Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofHours(1));
    /** Per client address, over all accounts: slows down one machine that tries many names. */
    public static final ThrottleRule ADDRESS = new ThrottleRule(20, Duration.ofSeconds(15), Duration.ofMinutes(15), Duration.ofHours(1));

    public Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration d = firstDelay.multipliedBy(1L << doublings);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
