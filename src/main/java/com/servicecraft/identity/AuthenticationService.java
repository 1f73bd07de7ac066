package com.servicecraft.identity;

import com.servicecraft.shared.LogSafe;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Checks credentials and slows down guessing without ever locking anybody out for good. Failed
 * sign-ins are counted per account and per client address ({@link ThrottleRule}); past a few free
 * failures each further attempt must wait a delay that doubles up to a cap, and an attempt made
 * too early is refused without checking the password. The counts live in the database, so every
 * node sees the same; {@link HashBudget} additionally caps the hashing work failed attempts cause
 * per second on each node. A correct password after the wait works, and clears the account's count.
 */
@ApplicationScoped
public class AuthenticationService {
    private static final Logger LOG = Logger.getLogger(AuthenticationService.class.getName());
    private static final int MAX_KEY = 160;

    private final Transactions tx;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final HashBudget budget;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>();

    @Inject
    public AuthenticationService(Transactions tx, PasswordHasher hasher, Clock clock, HashBudget budget) {
        this.tx = tx;
        this.hasher = hasher;
        this.clock = clock;
        this.budget = budget;
    }

    /**
     * @param clientAddress where the attempt comes from (the request's remote address)
     */
    public SignInResult signIn(String username, char[] password, String clientAddress) {
        String accountKey = accountKey(username);
        String addressKey = addressKey(clientAddress);
        Instant now = clock.instant();
        Optional<Instant> wait = waitUntil(List.of(accountKey, addressKey), now);
        if (wait.isPresent()) {
            LOG.warning(() -> "Throttled sign-in for " + LogSafe.text(accountKey) + " from " + LogSafe.text(addressKey));
            return new SignInResult.Throttled(wait.get());
        }
        Optional<Duration> overBudget = budget.take(addressKey);
        if (overBudget.isPresent()) {
            LOG.warning(() -> "Sign-in refused, too many failed checks per second: " + LogSafe.text(addressKey));
            return new SignInResult.Throttled(now.plus(overBudget.get()));
        }
        Optional<User> user = findByUsername(username);
        boolean ok;
        if (user.isPresent()) {
            ok = hasher.matches(password, user.get().getPasswordHash()) && user.get().isActive();
        } else {
            hasher.simulateCheck(password);
            ok = false;
        }
        if (!ok) {
            recordFailure(accountKey, ThrottleRule.ACCOUNT, now);
            recordFailure(addressKey, ThrottleRule.ADDRESS, now);
            return new SignInResult.Rejected();
        }
        budget.giveBack(addressKey);
        clearFailures(accountKey);
        User u = user.get();
        if (u.isTemporaryPasswordExpired(now)) {
            return new SignInResult.TemporaryPasswordExpired();
        }
        return new SignInResult.Success(SignedInUser.of(u), u.isPasswordMustChange(), u.getPreferredLanguage());
    }

    /**
     * Checks credentials for HTTP Basic on the API, under the same throttle as the login page. Only
     * a {@link SignInResult.Success} without a pending password change lets the caller in: a user who
     * still has a temporary password must change it in the browser first.
     */
    public SignInResult verify(String username, char[] password, String clientAddress) {
        SignInResult result = signIn(username, password, clientAddress);
        return result instanceof SignInResult.Success s && s.mustChangePassword() ? new SignInResult.Rejected() : result;
    }

    private Optional<User> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return tx.read(em -> em.createQuery("select u from User u where lower(u.username) = :n", User.class)
                .setParameter("n", username.trim().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst());
    }

    private Optional<Instant> waitUntil(List<String> keys, Instant now) {
        return tx.read(em -> em.createQuery("select e from LoginThrottleEntry e where e.key in :k", LoginThrottleEntry.class)
                .setParameter("k", keys).getResultStream()
                .filter(e -> e.mustWait(now)).map(LoginThrottleEntry::getNextAttemptAt).max(Instant::compareTo));
    }

    private void recordFailure(String key, ThrottleRule rule, Instant now) {
        purgeOldEntries(now);
        try {
            tx.run(em -> failureIn(em, key, rule, now));
        } catch (PersistenceException concurrentFirstFailure) {
            // Another node inserted the row at the same moment: count on that row instead.
            tx.run(em -> failureIn(em, key, rule, now));
        }
    }

    private static void failureIn(EntityManager em, String key, ThrottleRule rule, Instant now) {
        LoginThrottleEntry entry = em.find(LoginThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            entry = new LoginThrottleEntry(key, now);
            em.persist(entry);
        }
        entry.recordFailure(now, rule);
    }

    /**
     * Guessed user names leave rows behind: at most once an hour per node, rows whose last failure
     * is older than a day (every rule has started afresh by then) are deleted.
     */
    private void purgeOldEntries(Instant now) {
        Instant last = lastPurge.get();
        if (last != null && now.isBefore(last.plus(Duration.ofHours(1))) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        tx.run(em -> em.createQuery("delete from LoginThrottleEntry e where e.lastFailureAt < :cutoff")
                .setParameter("cutoff", now.minus(Duration.ofDays(1))).executeUpdate());
    }

    private void clearFailures(String key) {
        tx.run(em -> em.createQuery("delete from LoginThrottleEntry e where e.key = :k").setParameter("k", key).executeUpdate());
    }

    static String accountKey(String username) {
        return cut("user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)));
    }

    static String addressKey(String clientAddress) {
        return cut("addr:" + (clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.trim().toLowerCase(Locale.ROOT)));
    }

    private static String cut(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }
}
