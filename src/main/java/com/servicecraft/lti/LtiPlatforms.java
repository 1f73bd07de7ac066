package com.servicecraft.lti;

import com.servicecraft.shared.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The registered platforms and their deployment ids (tables {@code lti_platform}, {@code lti_deployment}). */
@ApplicationScoped
public class LtiPlatforms {
    private static final String COLUMNS = "id, name, issuer, client_id, auth_url, token_url, jwks_url, frame_origins, enabled";

    private final Database database;
    private final Clock clock;

    @Inject
    public LtiPlatforms(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public List<LtiPlatform> all() {
        return query("SELECT " + COLUMNS + " FROM lti_platform ORDER BY name, id", ps -> { });
    }

    public Optional<LtiPlatform> find(long id) {
        return query("SELECT " + COLUMNS + " FROM lti_platform WHERE id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
    }

    /**
     * The platform a login initiation or an id_token names: by issuer and client id, or by issuer
     * alone when the request gives no client id and the issuer has a single registration.
     */
    public Optional<LtiPlatform> find(String issuer, String clientId) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.empty();
        }
        List<LtiPlatform> found = query("SELECT " + COLUMNS + " FROM lti_platform WHERE issuer = ?", ps -> ps.setString(1, issuer));
        if (clientId != null && !clientId.isBlank()) {
            return found.stream().filter(p -> p.clientId().equals(clientId)).findFirst();
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Adds (id null) or replaces a platform with its deployment ids; returns its id. */
    public long save(LtiPlatform p) {
        Timestamp now = now();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                if (p.id() == null) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO lti_platform (name, issuer, client_id, auth_url, token_url,"
                            + " jwks_url, frame_origins, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"})) {
                        bind(ps, p);
                        ps.setTimestamp(9, now);
                        ps.setTimestamp(10, now);
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                    }
                } else {
                    id = p.id();
                    try (PreparedStatement ps = c.prepareStatement("UPDATE lti_platform SET name = ?, issuer = ?, client_id = ?, auth_url = ?,"
                            + " token_url = ?, jwks_url = ?, frame_origins = ?, enabled = ?, updated_at = ? WHERE id = ?")) {
                        bind(ps, p);
                        ps.setTimestamp(9, now);
                        ps.setLong(10, id);
                        if (ps.executeUpdate() != 1) {
                            throw new IllegalArgumentException("lti.platform.gone");
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM lti_deployment WHERE platform_id = ?")) {
                        ps.setLong(1, id);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO lti_deployment (platform_id, deployment_id) VALUES (?, ?)")) {
                    for (String d : new LinkedHashSet<>(p.deploymentIds())) {
                        ps.setLong(1, id);
                        ps.setString(2, d);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if ("23000".equals(e.getSQLState()) || "23505".equals(e.getSQLState()) || e.getErrorCode() == 1062) {
                throw new IllegalArgumentException("lti.platform.duplicate", e);
            }
            throw new IllegalStateException(e);
        }
    }

    public void setEnabled(long id, boolean enabled) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE lti_platform SET enabled = ?, updated_at = ? WHERE id = ?")) {
            ps.setBoolean(1, enabled);
            ps.setTimestamp(2, now());
            ps.setLong(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, LtiPlatform p) throws SQLException {
        ps.setString(1, p.name());
        ps.setString(2, p.issuer());
        ps.setString(3, p.clientId());
        ps.setString(4, p.authUrl());
        ps.setString(5, p.tokenUrl() == null || p.tokenUrl().isBlank() ? null : p.tokenUrl());
        ps.setString(6, p.jwksUrl());
        ps.setString(7, p.frameOrigins() == null || p.frameOrigins().isBlank() ? null : p.frameOrigins());
        ps.setBoolean(8, p.enabled());
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<LtiPlatform> query(String sql, Binder binder) {
        List<LtiPlatform> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LtiPlatform(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), deployments(c, rs.getLong(1))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static List<String> deployments(Connection c, long platformId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT deployment_id FROM lti_deployment WHERE platform_id = ? ORDER BY deployment_id")) {
            ps.setLong(1, platformId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
