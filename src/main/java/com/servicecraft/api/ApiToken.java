package com.servicecraft.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** An API token as stored: its SHA-256, a short prefix to recognise it, scopes, owner, revocation. */
@Entity
@Table(name = "api_token")
public class ApiToken {
    /** "Last used" is recorded at most once a minute, so that API calls in parallel do not queue on the token's row. */
    public static final java.time.Duration LAST_USED_PRECISION = java.time.Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "token_prefix", nullable = false, length = 12)
    private String tokenPrefix;

    @Column(nullable = false, length = 200)
    private String scopes;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    public ApiToken(String name, String tokenHash, String tokenPrefix, Set<ApiScope> scopes, long ownerId, Instant now) {
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.scopes = scopes.stream().map(ApiScope::value).sorted().collect(Collectors.joining(","));
        this.ownerId = ownerId;
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Whether "last used" is already current to within {@link #LAST_USED_PRECISION}, so a call need not record it. */
    public boolean usedRecently(Instant now) {
        return lastUsedAt != null && lastUsedAt.isAfter(now.minus(LAST_USED_PRECISION));
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public Set<ApiScope> scopeSet() {
        Set<ApiScope> s = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(scopes.split(",")).filter(v -> !v.isBlank()).map(ApiScope::of).forEach(s::add);
        return s;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getTokenPrefix() { return tokenPrefix; }
    public String getScopes() { return scopes; }
    public long getOwnerId() { return ownerId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
}
