package com.servicecraft.audit;

import com.servicecraft.shared.LogSafe;
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
import java.util.List;
import java.util.logging.Logger;

/**
 * The audit trail of exports and API calls (table {@code audit_log}). Entries are only ever
 * added; each is written in its own transaction, so a failed export is logged too.
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    public static final String WEB = "web";
    public static final String API = "api";

    private final Database database;
    private final Clock clock;

    @Inject
    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void record(Long actorId, String actorName, String channel, String action, String filters, Long rows, String outcome) {
        String f = filters == null ? null : filters.length() > 1000 ? filters.substring(0, 1000) : filters;
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, actor_id, actor_name, channel, action, filters,"
                     + " row_count, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
            ps.setObject(2, actorId);
            ps.setString(3, actorName == null ? "" : actorName.length() > 64 ? actorName.substring(0, 64) : actorName);
            ps.setString(4, channel);
            ps.setString(5, action);
            ps.setString(6, f);
            ps.setObject(7, rows);
            ps.setString(8, outcome);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the audit log: " + e.getMessage(), e);
        }
        LOG.info(() -> "audit " + channel + " " + LogSafe.text(actorName) + " " + action + " [" + LogSafe.text(f) + "] rows=" + rows + " " + outcome);
    }

    public long count() {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Newest first. */
    public List<AuditEntry> page(int first, int max) {
        List<AuditEntry> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, at, actor_id, actor_name, channel, action, filters, row_count,"
                     + " outcome FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?")) {
            ps.setInt(1, Math.max(1, max));
            ps.setInt(2, Math.max(0, first));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long actor = rs.getLong(3);
                    Long actorId = rs.wasNull() ? null : actor;
                    long rows = rs.getLong(8);
                    Long rowCount = rs.wasNull() ? null : rows;
                    out.add(new AuditEntry(rs.getLong(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), actorId,
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rowCount, rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
