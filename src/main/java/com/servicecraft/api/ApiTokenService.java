package com.servicecraft.api;

import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.User;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens: created by administrators and HR officers, shown once, stored as SHA-256 (a token
 * is 256 random bits, so a fast hash is enough), scoped and revocable.
 */
@ApplicationScoped
public class ApiTokenService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;

    @Inject
    public ApiTokenService(Transactions tx, Clock clock, CurrentUser currentUser) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    /** A token owned by the API caller: who it acts for and what it may do. */
    public record Caller(long userId, String username, Set<Role> roles, Set<ApiScope> scopes) {
    }

    /** Creates a token for the signed-in admin or HR officer; the returned text is never stored. */
    public String create(String name, Set<ApiScope> scopes) {
        SignedInUser me = currentUser.requireAny(Role.ADMIN, Role.HR);
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new UserInputException("token.nameRequired");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new UserInputException("token.scopeRequired");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "sc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store(name.trim(), token, scopes, me.id());
        return token;
    }

    /** Stores a token with a known value (the documented demo token). */
    public void storeKnown(String name, String token, Set<ApiScope> scopes, long ownerId) {
        boolean exists = tx.read(em -> em.createQuery("select count(t) from ApiToken t where t.tokenHash = :h", Long.class)
                .setParameter("h", hash(token)).getSingleResult() > 0);
        if (!exists) {
            store(name, token, scopes, ownerId);
        }
    }

    private void store(String name, String token, Set<ApiScope> scopes, long ownerId) {
        tx.run(em -> em.persist(new ApiToken(name, hash(token), token.substring(0, 8), scopes, ownerId, clock.instant())));
    }

    public List<ApiToken> list() {
        SignedInUser me = currentUser.requireAny(Role.ADMIN, Role.HR);
        return tx.read(em -> me.hasRole(Role.ADMIN)
                ? em.createQuery("select t from ApiToken t order by t.createdAt desc", ApiToken.class).getResultList()
                : em.createQuery("select t from ApiToken t where t.ownerId = :o order by t.createdAt desc", ApiToken.class)
                .setParameter("o", me.id()).getResultList());
    }

    public void revoke(long tokenId) {
        SignedInUser me = currentUser.requireAny(Role.ADMIN, Role.HR);
        tx.run(em -> {
            ApiToken t = em.find(ApiToken.class, tokenId);
            if (t == null || (!me.hasRole(Role.ADMIN) && t.getOwnerId() != me.id())) {
                throw new UserInputException("token.notFound");
            }
            t.revoke(clock.instant());
        });
    }

    /** The caller behind a presented token: only an active token of an active owner counts. */
    public Optional<Caller> verify(String token) {
        if (token == null || !token.startsWith("sc_") || token.length() > 100) {
            return Optional.empty();
        }
        String h = hash(token);
        Instant now = clock.instant();
        return tx.read(em -> em.createQuery("select t from ApiToken t where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", h).getResultStream().findFirst()
                .filter(ApiToken::isActive)
                .flatMap(t -> {
                    User owner = em.find(User.class, t.getOwnerId());
                    if (owner == null || !owner.isActive()) {
                        return Optional.empty();
                    }
                    if (!t.usedRecently(now)) {
                        recordUse(t.getId(), now);
                    }
                    return Optional.of(new Caller(owner.getId(), owner.getUsername(), owner.getRoles(), t.scopeSet()));
                }));
    }

    /**
     * Notes "last used" in one auto-committed, conditional statement: a read API call never holds
     * the token's row, and calls in parallel write it at most once a minute.
     */
    private void recordUse(long tokenId, Instant now) {
        tx.autocommit(em -> em.createNativeQuery("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .setParameter(1, Timestamp.from(now)).setParameter(2, tokenId)
                .setParameter(3, Timestamp.from(now.minus(ApiToken.LAST_USED_PRECISION))).executeUpdate());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
