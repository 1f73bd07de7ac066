package com.servicecraft.reporting;

import com.servicecraft.learning.CourseShape;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.testing.TestDatabases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Rows for completion-record tests, written straight into the tables (assignments, groups,
 * progress and attempts belong to other features; the records only read them).
 */
public final class RecordsFixture implements AutoCloseable {
    static final List<String> TABLES = List.of("app_user", "department", "user_role", "training_group", "group_member",
            "assignment", "lesson_progress", "attempt", "attempt_grant", "action_plan", "certificate", "hr_scope", "audit_log");
    public static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    /** m1: two lessons and a quiz with two attempts; m2: one lesson, no quiz; the course needs all three lessons, m1's quiz and the post-test. */
    public static final CourseShape SHAPE = new CourseShape("customer-service", "c1", List.of(
            new CourseShape.Part("m1", "礼仪 Etiquette", "v1", 1, 2, 0, true, 2, List.of("l1", "l2")),
            new CourseShape.Part("m2", "Listening", "v2", 2, 1, 0, false, 0, List.of("l3")),
            new CourseShape.Part(CompletionRecord.COURSE, "客户服务培训", "c1", 1000, 3, 1, true, 1, List.of())));

    final Database db;
    final Connection c;
    private long userSeq;

    public RecordsFixture(Database db) throws SQLException {
        this.db = db;
        TestDatabases.clear(db, TABLES);
        this.c = db.dataSource().getConnection();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    long department(String name) throws SQLException {
        return insert("INSERT INTO department (name, created_at) VALUES (?, ?)", name, ts(T0));
    }

    public long trainee(String employeeNumber, String name, Long department) throws SQLException {
        userSeq++;
        long id = insert("INSERT INTO app_user (username, employee_number, display_name, email, department_id, job_title,"
                        + " preferred_language, active, email_notifications, password_hash, password_changed_at, password_must_change,"
                        + " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 'ZH_CN', TRUE, TRUE, 'pbkdf2-sha256$1$x$y', ?, FALSE, ?, ?, 0)",
                "u" + employeeNumber.hashCode() + "_" + userSeq, employeeNumber, name, "u" + userSeq + "@example.com", department,
                "Advisor", ts(T0), ts(T0), ts(T0));
        exec("INSERT INTO user_role (user_id, role) VALUES (" + id + ", 'TRAINEE')");
        return id;
    }

    long group(String name, long owner, long... members) throws SQLException {
        long g = insert("INSERT INTO training_group (name, owner_id, created_at, version) VALUES (?, ?, ?, 0)", name, owner, ts(T0));
        for (long m : members) {
            exec("INSERT INTO group_member (group_id, user_id, added_at, added_by) VALUES (" + g + ", " + m + ", "
                    + "TIMESTAMP '2026-10-01 08:00:00', " + owner + ")");
        }
        return g;
    }

    long assignToGroup(long group, String module, LocalDate start, LocalDate due, long by) throws SQLException {
        return insert("INSERT INTO assignment (group_id, user_id, module_id, start_date, due_date, status, created_by, created_at,"
                + " updated_at, version) VALUES (?, NULL, ?, ?, ?, 'ACTIVE', ?, ?, ?, 0)", group, module, java.sql.Date.valueOf(start),
                java.sql.Date.valueOf(due), by, ts(T0), ts(T0));
    }

    long assignToUser(long user, String module, LocalDate start, LocalDate due, long by) throws SQLException {
        return insert("INSERT INTO assignment (group_id, user_id, module_id, start_date, due_date, status, created_by, created_at,"
                + " updated_at, version) VALUES (NULL, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, 0)", user, module, java.sql.Date.valueOf(start),
                java.sql.Date.valueOf(due), by, ts(T0), ts(T0));
    }

    void lesson(long user, String module, String lesson, Instant opened, Instant completed, int seconds) throws SQLException {
        insert("INSERT INTO lesson_progress (user_id, module_id, lesson_id, module_version, first_opened_at, last_seen_at,"
                        + " seconds_spent, completed_at, version) VALUES (?, ?, ?, 'v1', ?, ?, ?, ?, 0)", user, module, lesson, ts(opened),
                ts(completed == null ? opened : completed), seconds, completed == null ? null : ts(completed));
    }

    void attempt(long user, String kind, String source, int number, Instant started, Double score, Boolean passed) throws SQLException {
        insert("INSERT INTO attempt (user_id, kind, source_id, attempt_number, status, mode, started_at, submitted_at, graded_at,"
                        + " score_percent, pass_mark, passed, current_position, version) VALUES (?, ?, ?, ?, ?, 'GRADED', ?, ?, ?, ?, 70, ?, 0, 0)",
                user, kind, source, number, score == null ? "IN_PROGRESS" : "GRADED", ts(started),
                score == null ? null : ts(started.plusSeconds(600)), score == null ? null : ts(started.plusSeconds(600)), score, passed);
    }

    void actionPlan(long user, String status) throws SQLException {
        insert("INSERT INTO action_plan (user_id, module_version, status, created_at, updated_at, version) VALUES (?, 'v1', ?, ?, ?, 0)",
                user, status, ts(T0), ts(T0));
    }

    public void exec(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    public long insert(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The standard scene: see {@code CompletionQueryTest}. */
    public Scene scene() throws SQLException {
        long sales = department("销售部");
        long service = department("Service");
        long trainer = trainee("T1", "Trainer", null);
        long zhang = trainee("E1", "张伟", sales);
        long mal = trainee("=HYPERLINK(\"http://evil\")", "+cmd", service);
        long late = trainee("E3", "Late Li", sales);
        long cohort = group("Cohort A", trainer, zhang, mal);
        assignToGroup(cohort, null, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31"), trainer);
        assignToUser(late, "m2", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-01"), trainer);

        Instant d = T0.plusSeconds(86_400);
        lesson(zhang, "m1", "l1", d, d.plusSeconds(300), 300);
        lesson(zhang, "m1", "l2", d.plusSeconds(400), d.plusSeconds(900), 500);
        attempt(zhang, "MODULE_QUIZ", "m1", 1, d.plusSeconds(1000), 50.0, false);
        attempt(zhang, "MODULE_QUIZ", "m1", 2, d.plusSeconds(2000), 80.0, true);
        lesson(zhang, "m2", "l3", d.plusSeconds(3000), d.plusSeconds(3600), 600);
        attempt(zhang, "POST_TEST", "post-test", 1, d.plusSeconds(5000), 90.0, true);
        actionPlan(zhang, "APPROVED");

        lesson(mal, "m1", "l1", d, null, 60);
        attempt(mal, "MODULE_QUIZ", "m1", 1, d.plusSeconds(100), 40.0, false);
        attempt(mal, "MODULE_QUIZ", "m1", 2, d.plusSeconds(200), 30.0, false);
        return new Scene(sales, service, zhang, mal, late, cohort);
    }

    public record Scene(long sales, long service, long zhang, long mal, long late, long cohort) {
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
