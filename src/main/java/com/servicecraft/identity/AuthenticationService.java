package com.servicecraft.identity;

import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks credentials and throttles guessing: after five failures for a user name within fifteen
 * minutes, further attempts are refused for five minutes without checking the password. The
 * counters live in the database, so every app node sees the same count.
 */
@ApplicationScoped
public class AuthenticationService {
    private static final Logger LOG = Logger.getLogger(AuthenticationService.class.getName());

    private final Transactions tx;
    private final PasswordHasher hasher;
    private final Clock clock;

    @Inject
    public AuthenticationService(Transactions tx, PasswordHasher hasher, Clock clock) {
        this.tx = tx;
        this.hasher = hasher;
        this.clock = clock;
    }

    public SignInResult signIn(String username, char[] password) {
        String key = throttleKey(username);
        Instant now = clock.instant();
        Optional<Instant> lockedUntil = lockedUntil(key, now);
        if (lockedUntil.isPresent()) {
            LOG.warning(() -> "Throttled sign-in for " + key);
            return new SignInResult.Throttled(lockedUntil.get());
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
            recordFailure(key, now);
            return new SignInResult.Rejected();
        }
        clearFailures(key);
        User u = user.get();
        return new SignInResult.Success(SignedInUser.of(u), u.isPasswordMustChange(), u.getPreferredLanguage());
    }

    /**
     * Checks credentials for HTTP Basic on the API, under the same throttle as the login page. A user
     * who still has a temporary password must change it in the browser first.
     */
    public Optional<SignedInUser> verify(String username, char[] password) {
        SignInResult result = signIn(username, password);
        return result instanceof SignInResult.Success s && !s.mustChangePassword() ? Optional.of(s.user()) : Optional.empty();
    }

    private Optional<User> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return tx.read(em -> em.createQuery("select u from User u where lower(u.username) = :n", User.class)
                .setParameter("n", username.trim().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst());
    }

    private Optional<Instant> lockedUntil(String key, Instant now) {
        return tx.read(em -> Optional.ofNullable(em.find(LoginThrottleEntry.class, key))
                .filter(e -> e.isLocked(now)).map(LoginThrottleEntry::getLockedUntil));
    }

    private void recordFailure(String key, Instant now) {
        try {
            tx.run(em -> failureIn(em, key, now));
        } catch (PersistenceException concurrentFirstFailure) {
            // Another node inserted the row at the same moment: count on that row instead.
            tx.run(em -> failureIn(em, key, now));
        }
    }

    private static void failureIn(EntityManager em, String key, Instant now) {
        LoginThrottleEntry entry = em.find(LoginThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            entry = new LoginThrottleEntry(key, now);
            em.persist(entry);
        }
        entry.recordFailure(now);
    }

    private void clearFailures(String key) {
        tx.run(em -> em.createQuery("delete from LoginThrottleEntry e where e.key = :k").setParameter("k", key).executeUpdate());
    }

    static String throttleKey(String username) {
        String n = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return n.length() > 128 ? n.substring(0, 128) : n;
    }
}
