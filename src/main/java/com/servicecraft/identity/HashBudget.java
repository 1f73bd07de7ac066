package com.servicecraft.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps the password-hash work (PBKDF2, about a third of a CPU second each) that sign-in attempts
 * can cause on this node: token buckets, one for the node and one per client address. A check
 * takes a token before the hash is computed and gives it back when the password was right, so
 * only failed checks use the budget: people who know their password are never slowed down, a
 * guesser is refused fast once the bucket is empty. Kept in memory on purpose: it protects this
 * node's CPU, while the throttle that decides whether a guess may be tried lives in the database.
 */
@ApplicationScoped
public class HashBudget {
    /** Failed checks per second the whole node absorbs (refill), and its burst. */
    static final double NODE_PER_SECOND = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final double NODE_BURST = 30;
    /** Failed checks per second one client address may cause, and its burst. */
    static final double ADDRESS_PER_SECOND = 1;
    static final double ADDRESS_BURST = 20;
    private static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final Bucket node;
    private final double addressRate;
    private final double addressBurst;
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();

    @Inject
    public HashBudget(Clock clock) {
        this(clock, NODE_PER_SECOND, NODE_BURST, ADDRESS_PER_SECOND, ADDRESS_BURST);
    }

    public HashBudget(Clock clock, double nodeRate, double nodeBurst, double addressRate, double addressBurst) {
        this.clock = clock;
        this.node = new Bucket(nodeRate, nodeBurst, now());
        this.addressRate = addressRate;
        this.addressBurst = addressBurst;
    }

    /** For CDI's proxy only. */
    protected HashBudget() {
        this(Clock.systemUTC());
    }

    /**
     * Takes one check from the address's and the node's budget. Empty when granted; otherwise how
     * long to wait before the next check can be afforded (nothing was taken).
     */
    public synchronized Optional<Duration> take(String address) {
        double now = now();
        if (byAddress.size() > MAX_ADDRESSES) {
            byAddress.values().removeIf(b -> b.full(now));
        }
        Bucket mine = byAddress.computeIfAbsent(address, a -> new Bucket(addressRate, addressBurst, now));
        double wait = Math.max(mine.waitFor(now), node.waitFor(now));
        if (wait > 0) {
            return Optional.of(Duration.ofMillis((long) Math.ceil(wait * 1000)));
        }
        mine.take(now);
        node.take(now);
        return Optional.empty();
    }

    /** Gives back a check that turned out right. */
    public synchronized void giveBack(String address) {
        double now = now();
        Bucket mine = byAddress.get(address);
        if (mine != null) {
            mine.put(now);
        }
        node.put(now);
    }

    private double now() {
        return clock.millis() / 1000.0;
    }

    private static final class Bucket {
        private final double rate;
        private final double burst;
        private double tokens;
        private double at;

        Bucket(double rate, double burst, double now) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
            this.at = now;
        }

        private void refill(double now) {
            if (now > at) {
                tokens = Math.min(burst, tokens + (now - at) * rate);
                at = now;
            }
        }

        double waitFor(double now) {
            refill(now);
            return tokens >= 1 ? 0 : (1 - tokens) / rate;
        }

        void take(double now) {
            refill(now);
            tokens -= 1;
        }

        void put(double now) {
            refill(now);
            tokens = Math.min(burst, tokens + 1);
        }

        boolean full(double now) {
            refill(now);
            return tokens >= burst;
        }
    }
}
