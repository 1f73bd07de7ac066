package com.servicecraft.lti;

import com.servicecraft.shared.Language;
import com.servicecraft.shared.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/**
 * Launches in progress (table {@code lti_launch_state}): the state and nonce of each
 * authentication request, kept in the database so that any node can finish a launch another
 * began. A state is used once ({@link #use}); after a valid launch its row carries a one-time
 * landing ticket, which signs the person in once more in a new window when a framed browser
 * refused the session cookie.
 */
@ApplicationScoped
public class LaunchStates {
    /** How long the platform may take between the login initiation and the id_token. */
    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    /** How long the landing ticket of a finished launch works. */
    public static final Duration TICKET_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A state handed out at login initiation. */
    public record Pending(String state, String nonce, long platformId) {
    }

    /** A valid launch's ticket: who, where to, in which language. */
    public record Ticket(long userId, String target, Language language, long platformId) {
    }

    private final Database database;
    private final Clock clock;

    @Inject
    public LaunchStates(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Pending begin(long platformId, String targetLinkUri) {
        Pending p = new Pending(random(), random(), platformId);
        Instant now = clock.instant();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO lti_launch_state (state, nonce, platform_id, target_link_uri, created_at)"
                     + " VALUES (?, ?, ?, ?, ?)");
             PreparedStatement purge = c.prepareStatement("DELETE FROM lti_launch_state WHERE created_at < ?")) {
            ps.setString(1, p.state());
            ps.setString(2, p.nonce());
            ps.setLong(3, platformId);
            ps.setString(4, targetLinkUri == null ? null : targetLinkUri.length() > 1000 ? targetLinkUri.substring(0, 1000) : targetLinkUri);
            ps.setTimestamp(5, ts(now));
            ps.executeUpdate();
            // Old rows mean nothing any more: a day is far beyond a state's and a ticket's life.
            purge.setTimestamp(1, ts(now.minus(Duration.ofDays(1))));
            purge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    /**
     * Takes a state for the id_token that came with it: empty when it is unknown, expired or was
     * already used (a replay). Marking it used is one conditional update, so of two nodes receiving
     * the same state only one succeeds.
     */
    public Optional<Pending> use(String state) {
        if (state == null || state.isBlank() || state.length() > 64) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try (Connection c = database.dataSource().getConnection()) {
            Pending p;
            try (PreparedStatement ps = c.prepareStatement("SELECT nonce, platform_id FROM lti_launch_state WHERE state = ?"
                    + " AND used_at IS NULL AND created_at > ?")) {
                ps.setString(1, state);
                ps.setTimestamp(2, ts(now.minus(STATE_LIFETIME)));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    p = new Pending(state, rs.getString(1), rs.getLong(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE lti_launch_state SET used_at = ? WHERE state = ? AND used_at IS NULL")) {
                ps.setTimestamp(1, ts(now));
                ps.setString(2, state);
                return ps.executeUpdate() == 1 ? Optional.of(p) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives a finished launch its landing ticket; returns the ticket. */
    public String issueTicket(String state, Ticket ticket) {
        String t = random();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE lti_launch_state SET ticket = ?, ticket_user_id = ?, ticket_target = ?,"
                     + " ticket_language = ? WHERE state = ?")) {
            ps.setString(1, t);
            ps.setLong(2, ticket.userId());
            ps.setString(3, ticket.target());
            ps.setString(4, ticket.language().tag());
            ps.setString(5, state);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return t;
    }

    /** The ticket, unused and fresh, without using it. */
    public Optional<Ticket> peekTicket(String ticket) {
        return readTicket(ticket);
    }

    /** Uses a ticket once: empty when unknown, expired or already used. */
    public Optional<Ticket> useTicket(String ticket) {
        Optional<Ticket> t = readTicket(ticket);
        if (t.isEmpty()) {
            return t;
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE lti_launch_state SET ticket_used_at = ? WHERE ticket = ? AND ticket_used_at IS NULL")) {
            ps.setTimestamp(1, ts(clock.instant()));
            ps.setString(2, ticket);
            return ps.executeUpdate() == 1 ? t : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Ticket> readTicket(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 64) {
            return Optional.empty();
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ticket_user_id, ticket_target, ticket_language, platform_id FROM lti_launch_state"
                     + " WHERE ticket = ? AND ticket_used_at IS NULL AND used_at > ?")) {
            ps.setString(1, ticket);
            ps.setTimestamp(2, ts(clock.instant().minus(TICKET_LIFETIME)));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Ticket(rs.getLong(1), rs.getString(2), Language.fromTag(rs.getString(3)).orElse(Language.ZH_CN),
                        rs.getLong(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }
}
