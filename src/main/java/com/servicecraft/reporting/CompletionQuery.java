package com.servicecraft.reporting;

import javax.sql.DataSource;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The completion records as one set-based SQL statement, the same on H2 and MySQL/MariaDB.
 *
 * <p>A trainee's assigned parts are their own ACTIVE assignments plus those of their groups; an
 * assignment of the whole course yields every module and the course row. Lesson progress and
 * quiz attempts are aggregated per trainee × module in derived tables, status and completion time
 * are computed in SQL so that filters, counts and keyset paging agree with the rows. Exports read
 * in chunks of trainees (see {@link #stream}), each streamed row by row, so neither side holds more
 * than a chunk; {@code CompletionQueryAgreesWithModuleFactsTest} keeps these rules equal to
 * {@code learning.ModuleFactsQuery}.
 *
 * <p>Rules (the same as the learner's progress): a module is completed when all its lessons are
 * completed and, if it has a quiz, a quiz attempt passed; completed at = the later of the last
 * lesson and the first pass. The course is completed when the required lessons, module quizzes and
 * the post-course test are done. Attempts exhausted = a required quiz (or the post-course test)
 * without a pass and no attempts left (attempts + grants used): needs trainer until the due date,
 * failed after it ({@code learning.ProgressStatus.of}). Overdue = not completed, attempts left,
 * due date before today.
 */
public class CompletionQuery {
    private static final String EPOCH = "TIMESTAMP '1970-01-01 00:00:00'";
    private static final String COURSE = "'" + CompletionRecord.COURSE + "'";
    private static final String FAR = "TIMESTAMP '9999-12-31 00:00:00'";

    private final DataSource dataSource;
    private final boolean mySql;

    private final int chunkUsers;

    public CompletionQuery(DataSource dataSource, boolean mySql) {
        this(dataSource, mySql, CHUNK_USERS);
    }

    CompletionQuery(DataSource dataSource, boolean mySql, int chunkUsers) {
        this.dataSource = dataSource;
        this.mySql = mySql;
        this.chunkUsers = chunkUsers;
    }

    /** Sortable columns of the preview. */
    public enum SortField {
        EMPLOYEE_NUMBER("employee_number"), NAME("display_name"), DEPARTMENT("dept"), GROUP("gname"), MODULE("ord"),
        ASSIGNED("assigned"), DUE("due"), STATUS("status"), COMPLETED_AT("completed_at"), BEST_SCORE("best"),
        ATTEMPTS("finished");

        final String column;

        SortField(String column) {
            this.column = column;
        }
    }

    /**
     * Which rows: the HR filter, the departments the caller may see ({@code null}: all), and for
     * internal use one user, only rows without a certificate, or the course row of every trainee
     * whether assigned or not (certificates are earned by completing, not by being assigned).
     */
    public record Request(CourseShape shape, CompletionFilter filter, Set<Long> visibleDepartments, LocalDate today,
                          Long userId, boolean withoutCertificate, boolean everyTrainee) {
        public static Request of(CourseShape shape, CompletionFilter filter, Set<Long> visibleDepartments, LocalDate today) {
            return new Request(shape, filter, visibleDepartments, today, null, false, false);
        }
    }

    /** Keyset position: rows after (user, part order). */
    public record Cursor(long userId, int order) {
    }

    /** Trainees per statement when rows are read in (user, module) order. */
    static final int CHUNK_USERS = 1_000;

    /**
     * Streams matching rows and returns their number. Unsorted (the exports, the API): in (user,
     * module order) order, one statement per {@value #CHUNK_USERS} trainees, each restricted to its
     * user-id range down to the indexes, so the first rows arrive at once and neither the database
     * nor this JVM holds more than a chunk. Sorted (the preview): one statement with LIMIT/OFFSET.
     */
    public long stream(Request req, SortField sort, boolean descending, Cursor after, int offset, int limit,
                       Consumer<CompletionRecord> sink) {
        Map<String, CourseShape.Part> parts = req.shape().parts().stream()
                .collect(Collectors.toMap(CourseShape.Part::id, p -> p));
        try (Connection c = dataSource.getConnection()) {
            boolean tuned = mySql && withoutSplitMaterialization(c, true);
            try {
                if (sort != null || offset > 0) {
                    List<Object> params = new ArrayList<>();
                    String sql = select(req, null, after, params) + " ORDER BY " + (sort == null ? "" : sort.column
                            + (descending ? " DESC" : " ASC") + ", ") + "uid, ord"
                            + (limit > 0 ? " LIMIT " + limit + " OFFSET " + Math.max(0, offset) : "");
                    return run(c, sql, params, parts, sink, Long.MAX_VALUE);
                }
                return chunks(c, req, after, limit, parts, sink, after == null ? 0 : after.userId() - 1);
            } finally {
                if (tuned) {
                    withoutSplitMaterialization(c, false);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Completion records query failed: " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB's "split materialization" turns the grouped attempt tables into a grouped subquery per
     * row (LATERAL DERIVED), which makes a chunk many times slower; off for this session while the
     * export reads. MySQL has no such switch: the statement fails and nothing changes.
     */
    private static boolean withoutSplitMaterialization(Connection c, boolean off) {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION optimizer_switch = '" + SPLIT_OFF.replace("off", off ? "off" : "default") + "'");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The session setting the dump script starts with, as the export does. */
    public static final String SPLIT_OFF = "split_materialized=off";

    private long chunks(Connection c, Request req, Cursor after, int limit, Map<String, CourseShape.Part> parts,
                        Consumer<CompletionRecord> sink, long start) throws SQLException {
        long n = 0;
        long from = start;
        while (limit <= 0 || n < limit) {
            Long to = chunkEnd(c, from, req.userId());
            if (to == null) {
                break;
            }
            List<Object> params = new ArrayList<>();
            String sql = select(req, new long[] {from, to}, after, params) + " ORDER BY uid, ord"
                    + (limit > 0 ? " LIMIT " + (limit - n) : "");
            n += run(c, sql, params, parts, sink, limit > 0 ? limit - n : Long.MAX_VALUE);
            from = to;
        }
        return n;
    }

    private String select(Request req, long[] range, Cursor after, List<Object> params) {
        StringBuilder sql = new StringBuilder(base(req, range, params)).append(" SELECT * FROM r3").append(where(req, params));
        if (after != null) {
            sql.append(" AND (uid > ? OR (uid = ? AND ord > ?))");
            params.add(after.userId());
            params.add(after.userId());
            params.add(after.order());
        }
        return sql.toString();
    }

    /** The last user id of the chunk after {@code from}, or null when no user is left. */
    private Long chunkEnd(Connection c, long from, Long onlyUser) throws SQLException {
        if (onlyUser != null) {
            return from < onlyUser ? onlyUser : null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM app_user WHERE id > ? ORDER BY id LIMIT 1 OFFSET " + (chunkUsers - 1))) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM app_user WHERE id > ?")) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long max = rs.getLong(1);
                return rs.wasNull() ? null : max;
            }
        }
    }

    private long run(Connection c, String sql, List<Object> params, Map<String, CourseShape.Part> parts,
                     Consumer<CompletionRecord> sink, long max) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            // mysql-connector-j streams row by row only with this fetch size; otherwise it buffers the chunk.
            ps.setFetchSize(mySql ? Integer.MIN_VALUE : 500);
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (n < max && rs.next()) {
                    sink.accept(row(rs, parts));
                    n++;
                }
            }
        }
        return n;
    }

    public List<CompletionRecord> list(Request req, SortField sort, boolean descending, int offset, int limit) {
        List<CompletionRecord> out = new ArrayList<>();
        stream(req, sort, descending, null, offset, limit, out::add);
        return out;
    }

    /** Number of matching rows per status (every status present, zeros included). */
    public Map<CompletionStatus, Long> totals(Request req) {
        Map<CompletionStatus, Long> totals = new EnumMap<>(CompletionStatus.class);
        for (CompletionStatus s : CompletionStatus.values()) {
            totals.put(s, 0L);
        }
        List<Object> params = new ArrayList<>();
        String sql = base(req, null, params) + " SELECT status, COUNT(*) FROM r3" + where(req, params) + " GROUP BY status";
        query(sql, params, rs -> totals.put(CompletionStatus.valueOf(rs.getString(1)), rs.getLong(2)));
        return totals;
    }

    /** Rows and completed rows per department (or per group), for the chart and the PDF summary. */
    public record Summary(String label, long rows, long completed, long inProgress, long notStarted, long overdue, long failed,
                          long needsTrainer) {
        public double percentCompleted() {
            return rows == 0 ? 0 : Math.round(1000.0 * completed / rows) / 10.0;
        }
    }

    public List<Summary> byDepartment(Request req) {
        return summary(req, "dept");
    }

    public List<Summary> byGroup(Request req) {
        return summary(req, "gname");
    }

    private List<Summary> summary(Request req, String column) {
        List<Object> params = new ArrayList<>();
        String sql = base(req, null, params) + " SELECT " + column + ", status, COUNT(*) FROM r3" + where(req, params)
                + " GROUP BY " + column + ", status ORDER BY " + column;
        Map<String, long[]> counts = new LinkedHashMap<>();
        query(sql, params, rs -> {
            String label = rs.getString(1) == null ? "" : rs.getString(1);
            counts.computeIfAbsent(label, k -> new long[CompletionStatus.values().length])
                    [CompletionStatus.valueOf(rs.getString(2)).ordinal()] += rs.getLong(3);
        });
        List<Summary> out = new ArrayList<>();
        counts.forEach((label, c) -> {
            long total = 0;
            for (long v : c) {
                total += v;
            }
            out.add(new Summary(label, total, c[CompletionStatus.COMPLETED.ordinal()], c[CompletionStatus.IN_PROGRESS.ordinal()],
                    c[CompletionStatus.NOT_STARTED.ordinal()], c[CompletionStatus.OVERDUE.ordinal()], c[CompletionStatus.FAILED.ordinal()],
                    c[CompletionStatus.NEEDS_TRAINER.ordinal()]));
        });
        return out;
    }

    /**
     * The statements an unsorted export runs, as one script (statements end with ";"), for the
     * benchmark's {@code mariadb --batch} baseline. Only for requests without bound parameters.
     */
    public String dumpScript(Request req) {
        StringBuilder script = new StringBuilder(mySql ? "SET SESSION optimizer_switch = '" + SPLIT_OFF + "';\n" : "");
        try (Connection c = dataSource.getConnection()) {
            long from = 0;
            for (Long to = chunkEnd(c, from, req.userId()); to != null; to = chunkEnd(c, from, req.userId())) {
                List<Object> params = new ArrayList<>();
                script.append(select(req, new long[] {from, to}, null, params)).append(" ORDER BY uid, ord;\n");
                if (!params.isEmpty()) {
                    throw new IllegalArgumentException("the dump script takes no bound filter");
                }
                from = to;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return script.toString();
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> params, RowHandler handler) {
        try (Connection c = dataSource.getConnection()) {
            boolean tuned = mySql && withoutSplitMaterialization(c, true);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.handle(rs);
                    }
                }
            } finally {
                if (tuned) {
                    withoutSplitMaterialization(c, false);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Completion records query failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
            } else if (v instanceof LocalDate d) {
                ps.setDate(i + 1, java.sql.Date.valueOf(d));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    private static String where(Request req, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        CompletionFilter f = req.filter();
        if (req.visibleDepartments() != null) {
            w.append(req.visibleDepartments().isEmpty() ? " AND 1 = 0" : " AND department_id IN (" + ids(req.visibleDepartments()) + ")");
        }
        if (f.departmentId() != null) {
            w.append(" AND department_id = ?");
            params.add(f.departmentId());
        }
        if (f.groupId() != null && req.everyTrainee()) {
            w.append(" AND EXISTS (SELECT 1 FROM group_member fg WHERE fg.user_id = r3.uid AND fg.group_id = ?)");
            params.add(f.groupId());
        } else if (f.groupId() != null) {
            // The group's rows: its members × what the group assigned (not what another group or the
            // trainee alone was assigned), so that a trainee in two groups is counted in each for its part.
            w.append(" AND EXISTS (SELECT 1 FROM group_member fg JOIN assignment fa ON fa.group_id = fg.group_id"
                    + " WHERE fg.user_id = r3.uid AND fg.group_id = ? AND fa.status = 'ACTIVE'"
                    + " AND (fa.module_id IS NULL OR fa.module_id = r3.mid))");
            params.add(f.groupId());
        }
        if (f.moduleId() != null) {
            w.append(" AND mid = ?");
            params.add(f.moduleId());
        }
        if (f.status() != null) {
            w.append(" AND status = ?");
            params.add(f.status().name());
        }
        if (f.completedFrom() != null) {
            w.append(" AND completed_at >= ?");
            params.add(f.completedFrom().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (f.completedTo() != null) {
            w.append(" AND completed_at < ?");
            params.add(f.completedTo().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (f.updatedSince() != null) {
            w.append(" AND updated > ?");
            params.add(f.updatedSince());
        }
        if (req.userId() != null) {
            w.append(" AND uid = ?");
            params.add(req.userId());
        }
        if (req.withoutCertificate()) {
            w.append(" AND cert_number IS NULL");
        }
        return w.toString();
    }

    /** The group a row is shown under: the filtered group when there is one, else the first by name. */
    private static String groupName(Request req) {
        Long group = req.filter().groupId();
        return group == null ? "MIN(t.gname)"
                : "COALESCE(MIN(CASE WHEN t.gid = " + group.longValue() + " THEN t.gname END), MIN(t.gname))";
    }

    private static String ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** The common table expressions up to r3, one row per trainee × assigned part with status. */
    private String base(Request req, long[] range, List<Object> params) {
        CourseShape shape = req.shape();
        String parts = shape.parts().stream().map(p -> "SELECT " + lit(p.id()) + " AS mid, " + p.order() + " AS ord, "
                        + p.lessonsRequired() + " AS lessons_req, " + p.quizzesRequired() + " AS quizzes_req, "
                        + (p.quizRequired() ? 1 : 0) + " AS quiz_req, " + p.attemptsAllowed() + " AS allowed, "
                        + lit(p.version()) + " AS cur_version")
                .collect(Collectors.joining(" UNION ALL "));
        String moduleIds = shape.modules().stream().map(p -> lit(p.id())).collect(Collectors.joining(","));
        String lessonIds = shape.modules().stream().flatMap(p -> p.lessonIds().stream()).map(CompletionQuery::lit)
                .collect(Collectors.joining(","));
        if (moduleIds.isEmpty()) {
            moduleIds = "''";
        }
        if (lessonIds.isEmpty()) {
            lessonIds = "''";
        }
        // A chunk's user-id range, repeated inside every derived table so that each reads only its rows.
        java.util.function.Function<String, String> in = col -> range == null ? ""
                : " AND " + col + " > " + range[0] + " AND " + col + " <= " + range[1];
        String targets = req.everyTrainee()
                ? "x AS (SELECT u.id AS uid, " + COURSE + " AS mid, CAST(NULL AS DATE) AS assigned, CAST(NULL AS DATE) AS due,"
                + " CAST(NULL AS VARCHAR(120)) AS gname, CAST(NULL AS TIMESTAMP) AS a_upd FROM app_user u"
                + " WHERE EXISTS (SELECT 1 FROM user_role ur WHERE ur.user_id = u.id AND ur.role = 'TRAINEE')"
                + (req.userId() != null ? " AND u.id = " + req.userId().longValue() : "") + in.apply("u.id") + ")"
                // own assignments and the group's, each by its index (assignment.user_id, group_member.user_id)
                : "t AS (SELECT gm.user_id AS uid, a.module_id, a.start_date, a.due_date, g.name AS gname, g.id AS gid, a.updated_at"
                + " FROM group_member gm JOIN assignment a ON a.group_id = gm.group_id JOIN training_group g ON g.id = a.group_id"
                + " WHERE a.status = 'ACTIVE'" + (req.userId() != null ? " AND gm.user_id = " + req.userId().longValue() : "")
                + in.apply("gm.user_id")
                + " UNION ALL SELECT a.user_id, a.module_id, a.start_date, a.due_date, NULL, NULL, a.updated_at FROM assignment a"
                + " WHERE a.status = 'ACTIVE' AND a.user_id IS NOT NULL"
                + (req.userId() != null ? " AND a.user_id = " + req.userId().longValue() : "") + in.apply("a.user_id") + "),"
                + " x AS (SELECT t.uid, ml.mid, MIN(t.start_date) AS assigned, MIN(t.due_date) AS due, " + groupName(req) + " AS gname,"
                + " MAX(t.updated_at) AS a_upd FROM t JOIN ml ON (t.module_id IS NULL OR t.module_id = ml.mid)"
                + " GROUP BY t.uid, ml.mid)";
        if (mySql) {
            targets = targets.replace("AS VARCHAR(120))", "AS CHAR(120))").replace("AS TIMESTAMP)", "AS DATETIME(6))");
        }
        String today = "DATE '" + req.today() + "'";
        return "WITH ml AS (" + parts + "), " + targets + ","
                // lessons per trainee × module, and per trainee over the whole course
                + " lf AS (SELECT user_id, module_id AS mid, COUNT(completed_at) AS done, SUM(seconds_spent) AS secs,"
                + " MIN(first_opened_at) AS first_at, MAX(completed_at) AS last_done, MAX(last_seen_at) AS last_seen,"
                + " MAX(module_version) AS mver FROM lesson_progress WHERE module_id IN (" + moduleIds + ") AND lesson_id IN (" + lessonIds + ")"
                + in.apply("user_id")
                + " GROUP BY user_id, module_id"
                + " UNION ALL SELECT user_id, " + COURSE + ", COUNT(completed_at), SUM(seconds_spent), MIN(first_opened_at),"
                + " MAX(completed_at), MAX(last_seen_at), NULL FROM lesson_progress WHERE module_id IN (" + moduleIds + ") AND lesson_id IN ("
                + lessonIds + ")" + in.apply("user_id") + " GROUP BY user_id),"
                // quiz attempts per trainee × module quiz, and the post-course test as the course's quiz
                + " qa AS (SELECT user_id, kind, source_id, COUNT(*) AS tries, MIN(started_at) AS first_try,"
                + " MAX(CASE WHEN status = 'GRADED' THEN score_percent END) AS best,"
                + " MAX(CASE WHEN status = 'GRADED' AND score_percent IS NOT NULL THEN attempt_number END) AS last_no,"
                + " MIN(CASE WHEN status = 'GRADED' AND passed = TRUE AND score_percent IS NOT NULL THEN graded_at END) AS passed_at,"
                + " SUM(CASE WHEN status = 'IN_PROGRESS' THEN 0 ELSE 1 END) AS finished,"
                + " MAX(COALESCE(graded_at, started_at)) AS last_act"
                + " FROM attempt WHERE kind IN ('MODULE_QUIZ', 'POST_TEST')" + in.apply("user_id") + " GROUP BY user_id, kind, source_id),"
                + " q AS (SELECT qa.user_id, CASE WHEN qa.kind = 'POST_TEST' THEN " + COURSE + " ELSE qa.source_id END AS mid,"
                + " qa.tries, qa.first_try, qa.best, la.score_percent AS last_score, qa.passed_at, qa.finished,"
                + " qa.last_act, gr.extra FROM qa"
                + " LEFT JOIN attempt la ON la.user_id = qa.user_id AND la.kind = qa.kind AND la.source_id = qa.source_id"
                + " AND la.attempt_number = qa.last_no"
                + " LEFT JOIN (SELECT user_id, kind, source_id, SUM(extra_attempts) AS extra FROM attempt_grant WHERE 1 = 1"
                + in.apply("user_id") + " GROUP BY user_id, kind, source_id) gr ON gr.user_id = qa.user_id AND gr.kind = qa.kind AND gr.source_id = qa.source_id),"
                // module quizzes passed per trainee, for the course row
                + " qc AS (SELECT q.user_id, SUM(CASE WHEN ml.quiz_req = 1 AND q.passed_at IS NOT NULL THEN 1 ELSE 0 END) AS quizzes_passed,"
                + " MAX(CASE WHEN ml.quiz_req = 1 THEN q.passed_at END) AS quizzes_at, SUM(q.tries) AS quiz_tries, MIN(q.first_try) AS quiz_first,"
                + " SUM(CASE WHEN ml.quiz_req = 1 AND ml.allowed > 0 AND q.passed_at IS NULL"
                + " AND q.finished >= ml.allowed + COALESCE(q.extra, 0) THEN 1 ELSE 0 END) AS failed_modules"
                + " FROM q JOIN ml ON ml.mid = q.mid WHERE q.mid <> " + COURSE + " GROUP BY q.user_id),"
                + " r1 AS (SELECT u.id AS uid, u.employee_number, u.display_name, u.department_id, d.name AS dept, u.job_title,"
                + " u.updated_at AS u_upd, x.mid, ml.ord, x.assigned, x.due, x.gname, x.a_upd,"
                + " ml.lessons_req, ml.quizzes_req, ml.quiz_req, ml.allowed, ml.cur_version,"
                + " lf.done, lf.secs, lf.first_at, lf.last_done, lf.last_seen, lf.mver,"
                + " q.tries, q.first_try, q.best, q.last_score, q.passed_at, q.finished, q.last_act, q.extra,"
                + " qc.quizzes_passed, qc.quizzes_at, qc.quiz_tries, qc.failed_modules, pt.best AS post_best, pt.passed_at AS post_passed_at,"
                + " pt.finished AS post_finished,"
                + " NULLIF(LEAST(COALESCE(lf.first_at, " + FAR + "), COALESCE(CASE WHEN x.mid = " + COURSE + " THEN qc.quiz_first"
                + " ELSE q.first_try END, " + FAR + ")), " + FAR + ") AS first_start,"
                + " pt.last_act AS post_act, ap.status AS ap_status, ap.updated_at AS ap_upd,"
                + " c.cert_number, c.issued_at AS cert_at"
                + " FROM x JOIN ml ON ml.mid = x.mid JOIN app_user u ON u.id = x.uid"
                + " LEFT JOIN department d ON d.id = u.department_id"
                + " LEFT JOIN lf ON lf.user_id = x.uid AND lf.mid = x.mid"
                + " LEFT JOIN q ON q.user_id = x.uid AND q.mid = x.mid"
                + " LEFT JOIN qc ON qc.user_id = x.uid"
                + " LEFT JOIN q pt ON pt.user_id = x.uid AND pt.mid = " + COURSE
                + " LEFT JOIN action_plan ap ON ap.user_id = x.uid"
                + " LEFT JOIN certificate c ON c.user_id = x.uid AND c.course_id = " + lit(shape.courseId()) + "),"
                + " r2 AS (SELECT r1.*, CASE WHEN COALESCE(done, 0) >= lessons_req"
                + " AND COALESCE(quizzes_passed, 0) * (CASE WHEN mid = " + COURSE + " THEN 1 ELSE 0 END) >= quizzes_req"
                + " AND (quiz_req = 0 OR passed_at IS NOT NULL)"
                + " THEN COALESCE(NULLIF(GREATEST(COALESCE(last_done, " + EPOCH + "),"
                + " CASE WHEN quiz_req = 1 THEN COALESCE(passed_at, " + EPOCH + ") ELSE " + EPOCH + " END,"
                + " CASE WHEN mid = " + COURSE + " THEN COALESCE(quizzes_at, " + EPOCH + ") ELSE " + EPOCH + " END), " + EPOCH + "),"
                + " first_start) END AS completed_at,"
                + " GREATEST(COALESCE(a_upd, " + EPOCH + "), COALESCE(u_upd, " + EPOCH + "), COALESCE(last_seen, " + EPOCH + "),"
                + " COALESCE(last_act, " + EPOCH + "), COALESCE(post_act, " + EPOCH + "), COALESCE(ap_upd, " + EPOCH + "),"
                + " COALESCE(cert_at, " + EPOCH + ")) AS updated,"
                + " CASE WHEN (quiz_req = 1 AND allowed > 0 AND passed_at IS NULL AND COALESCE(finished, 0) >= allowed + COALESCE(extra, 0))"
                + " OR (mid = " + COURSE + " AND COALESCE(failed_modules, 0) > 0) THEN 1 ELSE 0 END AS exhausted FROM r1),"
                + " r3 AS (SELECT r2.*, CASE WHEN completed_at IS NOT NULL THEN 'COMPLETED'"
                + " WHEN exhausted = 1 AND due < " + today + " THEN 'FAILED'"
                + " WHEN exhausted = 1 THEN 'NEEDS_TRAINER'"
                + " WHEN due < " + today + " THEN 'OVERDUE'"
                + " WHEN first_start IS NOT NULL OR COALESCE(finished, 0) > 0"
                + " OR (mid = " + COURSE + " AND COALESCE(quiz_tries, 0) > 0) THEN 'IN_PROGRESS'"
                + " ELSE 'NOT_STARTED' END AS status FROM r2)";
    }

    private static CompletionRecord row(ResultSet rs, Map<String, CourseShape.Part> parts) throws SQLException {
        String mid = rs.getString("mid");
        CourseShape.Part part = parts.get(mid);
        boolean course = CompletionRecord.COURSE.equals(mid);
        Instant first = instant(rs, "first_start");
        String mver = rs.getString("mver");
        Object postPassed = rs.getObject("post_passed_at");
        long postFinished = rs.getLong("post_finished");
        return new CompletionRecord(rs.getLong("uid"), rs.getString("employee_number"), rs.getString("display_name"),
                rs.getString("dept"), rs.getString("job_title"), rs.getString("gname"), mid,
                part == null ? mid : part.title(), rs.getInt("ord"),
                course || mver == null ? rs.getString("cur_version") : mver,
                date(rs, "assigned"), date(rs, "due"), CompletionStatus.valueOf(rs.getString("status")),
                first, instant(rs, "completed_at"), number(rs, "best"), number(rs, "last_score"), rs.getInt("finished"),
                rs.getLong("secs"), number(rs, "post_best"), postPassed != null ? Boolean.TRUE : postFinished > 0 ? Boolean.FALSE : null,
                rs.getString("ap_status"), rs.getString("cert_number"), instant(rs, "updated"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
