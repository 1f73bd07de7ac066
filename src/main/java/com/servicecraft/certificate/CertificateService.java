package com.servicecraft.certificate;

import com.servicecraft.learning.CourseShape;
import com.servicecraft.shared.settings.Settings;
import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.shared.Language;
import com.servicecraft.reporting.CompletionFilter;
import com.servicecraft.reporting.CompletionQuery;
import com.servicecraft.reporting.CompletionRecord;
import com.servicecraft.reporting.CompletionStatus;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Issues certificates to trainees who completed the course (the completion rules of
 * {@link CompletionQuery}: all required lessons, module quizzes and the post-course test) and
 * looks them up. Issuing is idempotent and safe on several nodes: the unique key (user, course)
 * keeps one certificate; a node that loses the race skips. The validity is
 * {@code SERVICECRAFT_CERT_VALID_MONTHS} (default 24; 0 = no expiry).
 */
@ApplicationScoped
public class CertificateService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private final Database database;
    private final Supplier<Optional<CourseShape>> course;
    private final Clock clock;
    private final int validMonths;

    private final java.util.function.BiConsumer<Long, String> onIssued;

    @Inject
    public CertificateService(Database database, ContentRepository content, Clock clock) {
        this(database, () -> Optional.ofNullable(content.course()).map(c -> CourseShape.of(c, Language.EN)), clock,
                Settings.current().certificateValidMonths(),
                new CertificateNotice(database, clock)::send);
    }

    /** {@code course}: the course as loaded now (empty while none is); {@code validMonths} 0: no expiry. */
    public CertificateService(Database database, Supplier<Optional<CourseShape>> course, Clock clock, int validMonths) {
        this(database, course, clock, validMonths, (user, number) -> { });
    }

    /** {@code onIssued}: told (user id, certificate number) once per certificate, by the node that issued it. */
    public CertificateService(Database database, Supplier<Optional<CourseShape>> course, Clock clock, int validMonths,
                              java.util.function.BiConsumer<Long, String> onIssued) {
        this.onIssued = onIssued;
        this.database = database;
        this.course = course;
        this.clock = clock;
        this.validMonths = validMonths;
    }

    /** Issues every certificate that is due (all trainees); returns how many this call issued. */
    public int issuePending() {
        return issue(null);
    }

    /** Issues the trainee's certificate if they completed the course and have none yet. */
    public Optional<Certificate> issueFor(long userId) {
        issue(userId);
        return forUser(userId);
    }

    private int issue(Long userId) {
        CourseShape shape = course.get().orElse(null);
        if (shape == null) {
            return 0;
        }
        var req = new CompletionQuery.Request(shape, CompletionFilter.ALL.withStatus(CompletionStatus.COMPLETED), null,
                OrganisationZone.today(clock), userId, true, true);
        List<CompletionRecord> due = new ArrayList<>();
        new CompletionQuery(database.dataSource(), database.isMySql()).stream(req, null, false, null, 0, 0, due::add);
        int issued = 0;
        for (CompletionRecord r : due) {
            String number = insert(r.userId(), shape.courseId(), r.bestScore());
            if (number != null) {
                issued++;
                onIssued.accept(r.userId(), number);
            }
        }
        return issued;
    }

    /**
     * Inserts the certificate unless (user, course) already has one. When two nodes race, InnoDB
     * may pick one of the two INSERTs as a deadlock victim (both unique keys take gap locks); that
     * statement was rolled back whole, so it is simply tried again and then meets the duplicate key.
     */
    private String insert(long userId, String courseId, Double score) {
        for (int attempt = 1; ; attempt++) {
            try {
                return insertOnce(userId, courseId, score);
            } catch (SQLException e) {
                if ("23000".equals(e.getSQLState()) || "23505".equals(e.getSQLState()) || e.getErrorCode() == 1062) {
                    return null; // another node issued it a moment ago
                }
                boolean deadlock = "40001".equals(e.getSQLState()) || e.getErrorCode() == 1213 || e.getErrorCode() == 1467;
                if (!deadlock || attempt == 5) {
                    throw new IllegalStateException("Cannot issue a certificate: " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            }
        }
    }

    /** @return the new certificate's number */
    private String insertOnce(long userId, String courseId, Double score) throws SQLException {
        Instant now = clock.instant();
        LocalDate issuedOn = LocalDate.ofInstant(now, clock.getZone());
        try (Connection c = database.dataSource().getConnection();
             // A plain INSERT, not INSERT … SELECT: on InnoDB the latter takes the table's AUTO-INC lock, and a
             // deadlock there is reported as "Failed to read auto-increment value" (1467).
             PreparedStatement ps = c.prepareStatement("INSERT INTO certificate (cert_number, user_id, course_id, issued_at, score,"
                     + " valid_until) VALUES (?, ?, ?, ?, ?, ?)")) {
            String number = newNumber(issuedOn);
            ps.setString(1, number);
            ps.setLong(2, userId);
            ps.setString(3, courseId);
            ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC)));
            ps.setObject(5, score);
            ps.setObject(6, validMonths > 0 ? java.sql.Date.valueOf(issuedOn.plusMonths(validMonths)) : null);
            return ps.executeUpdate() == 1 ? number : null;
        }
    }

    /** "SC-2026-" and ten random characters without look-alikes (0/O, 1/I): unguessable, easy to read out. */
    static String newNumber(LocalDate day) {
        StringBuilder b = new StringBuilder("SC-").append(day.getYear()).append('-');
        for (int i = 0; i < 10; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    public Optional<Certificate> find(String number) {
        if (number == null || number.length() > 32) {
            return Optional.empty();
        }
        return one(" WHERE c.cert_number = ?", number.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public Optional<Certificate> forUser(long userId) {
        return course.get().flatMap(shape -> one(" WHERE c.user_id = ? AND c.course_id = ?", userId, shape.courseId()));
    }

    /**
     * Certificates that expire by {@code until} (or already expired), for recertification; limited
     * to {@code departments} when not {@code null}. Soonest first.
     */
    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"SQL_INJECTION_JDBC"},
            justification = "Only numeric department ids (Long) are joined into the IN list; the date is a parameter.")
    public List<Recertification> dueForRecertification(LocalDate until, Set<Long> departments) {
        String scope = departments == null ? "" : departments.isEmpty() ? " AND 1 = 0"
                : " AND u.department_id IN (" + departments.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        List<Recertification> out = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT c.cert_number, u.employee_number, u.display_name, d.name, c.issued_at,"
                     + " c.valid_until FROM certificate c JOIN app_user u ON u.id = c.user_id LEFT JOIN department d ON d.id = u.department_id"
                     + " WHERE c.valid_until IS NOT NULL AND c.valid_until <= ? AND u.deleted_at IS NULL" + scope
                     + " ORDER BY c.valid_until, u.employee_number")) {
            ps.setDate(1, java.sql.Date.valueOf(until));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Recertification(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getObject(6, LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public record Recertification(String number, String employeeNumber, String name, String department, Instant issuedAt,
                                  LocalDate validUntil) {
    }

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"SQL_INJECTION_JDBC"},
            justification = "where is one of this class's constant clauses; every value is a bound parameter.")
    private Optional<Certificate> one(String where, Object... args) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT c.cert_number, c.user_id, u.display_name, c.course_id, c.issued_at,"
                     + " c.score, c.valid_until FROM certificate c JOIN app_user u ON u.id = c.user_id" + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                double score = rs.getDouble(6);
                Double s = rs.wasNull() ? null : score;
                return Optional.of(new Certificate(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), s, rs.getObject(7, LocalDate.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
