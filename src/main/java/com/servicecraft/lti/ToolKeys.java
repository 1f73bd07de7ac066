package com.servicecraft.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.servicecraft.shared.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The tool's RSA signing keys (table {@code lti_tool_key}), shared by every node through the
 * database. The newest key that is not retired signs (deep-linking responses, service-token
 * assertions); a retired key stays in the public key set for {@link #RETIRED_PUBLISHED} so that
 * what it signed can still be checked. Only public parts ever leave this class: the private key
 * is never shown, logged or exported.
 */
@ApplicationScoped
public class ToolKeys {
    private static final Logger LOG = Logger.getLogger(ToolKeys.class.getName());
    /** Longer than any token the tool signs lives (those live minutes). */
    public static final Duration RETIRED_PUBLISHED = Duration.ofDays(1);

    /** What an administrator sees of a key. */
    public record KeyInfo(String kid, Instant createdAt, Instant retiredAt) implements java.io.Serializable {
        public boolean isActive() {
            return retiredAt == null;
        }
    }

    private final Database database;
    private final Clock clock;

    @Inject
    public ToolKeys(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Creates the first signing key when there is none (at start; two nodes racing make two, both valid). */
    public void ensureSigningKey() {
        if (signingKeyOrNull() == null) {
            String kid = addKey();
            LOG.info(() -> "LTI: generated the tool's first signing key " + kid);
        }
    }

    /** Retires the active keys and makes a new one; the old keys stay published for a day. */
    public String rotate() {
        Instant now = clock.instant();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE lti_tool_key SET retired_at = ? WHERE retired_at IS NULL")) {
            ps.setTimestamp(1, ts(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String kid = addKey();
        LOG.info(() -> "LTI: rotated the tool's signing key; new key " + kid);
        return kid;
    }

    /** The key that signs now (with its private part): only for signing inside this package. */
    RSAKey signingKey() {
        RSAKey key = signingKeyOrNull();
        if (key == null) {
            ensureSigningKey();
            key = signingKeyOrNull();
        }
        return key;
    }

    /** The public key set: active keys and keys retired less than {@link #RETIRED_PUBLISHED} ago. */
    public JWKSet publicKeySet() {
        Instant since = clock.instant().minus(RETIRED_PUBLISHED);
        List<JWK> keys = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT jwk FROM lti_tool_key WHERE retired_at IS NULL OR retired_at > ?"
                     + " ORDER BY created_at DESC")) {
            ps.setTimestamp(1, ts(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(parse(rs.getString(1)).toPublicJWK());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new JWKSet(keys);
    }

    public List<KeyInfo> keys() {
        List<KeyInfo> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT kid, created_at, retired_at FROM lti_tool_key ORDER BY created_at DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp retired = rs.getTimestamp(3);
                out.add(new KeyInfo(rs.getString(1), instant(rs.getTimestamp(2)), retired == null ? null : instant(retired)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private RSAKey signingKeyOrNull() {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT jwk FROM lti_tool_key WHERE retired_at IS NULL ORDER BY created_at DESC, kid");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? parse(rs.getString(1)) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String addKey() {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO lti_tool_key (kid, jwk, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, key.getKeyID());
            ps.setString(2, key.toJSONString());
            ps.setTimestamp(3, ts(clock.instant()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return key.getKeyID();
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            // Never the key text in the message: it holds the private part.
            throw new IllegalStateException("A stored LTI tool key cannot be read");
        }
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp t) {
        return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
