package com.servicecraft.reporting;

import com.servicecraft.learning.CourseShape;
import com.servicecraft.learning.CourseFactsSql;
import com.servicecraft.learning.CourseShapeTable;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The completion records as one set-based SQL statement, the same on H2 and MySQL/MariaDB. The
 * completion rules are not written here: the statement is {@code learning/course-facts.sql}
 * ({@link CourseFactsSql}, the rules the trainee's pages and dashboards use too) over the rows
 * of {@code completion-pairs.sql} (a trainee's own ACTIVE assignments plus those of their groups; an
 * assignment of the whole course yields every module and the course row), continued by
 * {@code completion-records.sql} with who the trainee is, when the row changed and its status
 * against the due date ({@code learning.ProgressStatus.of} in SQL). This class appends the filter,
 * order and paging and reads the rows. The course shape is read from
 * {@code course_shape_part}/{@code course_shape_lesson} ({@link CourseShapeTable}).
 *
 * <p>Status and completion time are computed in SQL so that filters, counts and keyset paging agree
 * with the rows. Exports read in chunks of trainees (see {@link #stream}), each streamed row by row,
 * so neither side holds more than a chunk.
 */
@edu.umd.cs.findbugs.annotations.SuppressFBWarnings(
        value = {"SQL_INJECTION_JDBC", "SQL_NONCONSTANT_STRING_PASSED_TO_EXECUTE", "SQL_PREPARED_STATEMENT_GENERATED_FROM_NONCONSTANT_STRING"},
        justification = "The statement is built from our SQL resources; values written into it are numbers, dates, the shape hash and"
                + " content ids checked against the loaded course (CourseFactsSql); sort keys come from an enum. H2 kept bound values"
                + " of a WITH clause between runs, hence literals.")
public class CompletionQuery {
    /** The rows (the :pairs of learning's course-facts.sql) and the statement's continuation up to r3, comments removed. */
    private static final String PAIRS = CourseFactsSql.resource(CompletionQuery.class, "completion-pairs.sql");
    private static final String RECORDS = CourseFactsSql.resource(CompletionQuery.class, "completion-records.sql");

    private final DataSource dataSource;
    private final boolean mySql;
    private final CourseShapeTable shapes = new CourseShapeTable();

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
            String shapeKey = shapes.ensure(c, req.shape());
            boolean tuned = mySql && withoutSplitMaterialization(c, true);
            try {
                if (sort != null || offset > 0) {
                    List<Object> params = new ArrayList<>();
                    String sql = select(req, shapeKey, null, after, params) + " ORDER BY " + (sort == null ? "" : sort.column
                            + (descending ? " DESC" : " ASC") + ", ") + "uid, ord"
                            + (limit > 0 ? " LIMIT " + limit + " OFFSET " + Math.max(0, offset) : "");
                    return run(c, sql, params, parts, sink, Long.MAX_VALUE);
                }
                return chunks(c, req, shapeKey, after, limit, parts, sink, after == null ? 0 : after.userId() - 1);
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

    private long chunks(Connection c, Request req, String shapeKey, Cursor after, int limit, Map<String, CourseShape.Part> parts,
                        Consumer<CompletionRecord> sink, long start) throws SQLException {
        long n = 0;
        long from = start;
        while (limit <= 0 || n < limit) {
            Long to = chunkEnd(c, from, req.userId());
            if (to == null) {
                break;
            }
            List<Object> params = new ArrayList<>();
            String sql = select(req, shapeKey, new long[] {from, to}, after, params) + " ORDER BY uid, ord"
                    + (limit > 0 ? " LIMIT " + (limit - n) : "");
            n += run(c, sql, params, parts, sink, limit > 0 ? limit - n : Long.MAX_VALUE);
            from = to;
        }
        return n;
    }

    private String select(Request req, String shapeKey, long[] range, Cursor after, List<Object> params) {
        StringBuilder sql = new StringBuilder(base(req, shapeKey, range)).append(" SELECT * FROM r3").append(where(req, params));
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
        query(req, (key, params) -> base(req, key, null) + " SELECT status, COUNT(*) FROM r3" + where(req, params)
                + " GROUP BY status", rs -> totals.put(CompletionStatus.valueOf(rs.getString(1)), rs.getLong(2)));
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
        Map<String, long[]> counts = new LinkedHashMap<>();
        query(req, (key, params) -> base(req, key, null) + " SELECT " + column + ", status, COUNT(*) FROM r3"
                + where(req, params) + " GROUP BY " + column + ", status ORDER BY " + column, rs -> {
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
     * The statements an unsorted export runs, as one script (statements end with ";", values
     * written in), for the benchmark's {@code mariadb --batch} baseline.
     */
    public String dumpScript(Request req) {
        StringBuilder script = new StringBuilder(mySql ? "SET SESSION optimizer_switch = '" + SPLIT_OFF + "';\n" : "");
        try (Connection c = dataSource.getConnection()) {
            String shapeKey = shapes.ensure(c, req.shape());
            long from = 0;
            for (Long to = chunkEnd(c, from, req.userId()); to != null; to = chunkEnd(c, from, req.userId())) {
                List<Object> params = new ArrayList<>();
                script.append(inline(select(req, shapeKey, new long[] {from, to}, null, params), params)).append(" ORDER BY uid, ord;\n");
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

    private interface StatementText {
        /** The statement for this shape key, its values added to {@code params} in order. */
        String sql(String shapeKey, List<Object> params);
    }

    private void query(Request req, StatementText text, RowHandler handler) {
        try (Connection c = dataSource.getConnection()) {
            List<Object> params = new ArrayList<>();
            String sql = text.sql(shapes.ensure(c, req.shape()), params);
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

    private static String ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * The statement up to r3 for this request: the user-id range is the chunk's, narrowed to one
     * trainee when the request is for one (or everything), each :name replaced by its value as a
     * literal. Not bound: H2 keeps a WITH clause's parameter values from the statement's first run,
     * so a second chunk would read the first chunk's range. Every value is a number, a date, a
     * hash or a validated content id.
     */
    private static String base(Request req, String shapeKey, long[] range) {
        long from = range == null ? Long.MIN_VALUE : range[0];
        long to = range == null ? Long.MAX_VALUE : range[1];
        if (req.userId() != null) {
            from = Math.max(from, req.userId() - 1);
            to = Math.min(to, req.userId());
        }
        Map<String, Object> values = new HashMap<>();
        values.put("shape", shapeKey);
        values.put("every", req.everyTrainee() ? 1 : 0);
        values.put("group", req.filter().groupId());
        values.put("course_id", req.shape().courseId());
        values.put("today", req.today());
        return CourseFactsSql.statement(PAIRS, ", " + RECORDS, CourseFactsSql.Users.range(from, to), values);
    }

    /** The statement with its bound values written in, for the dump script. */
    private static String inline(String sql, List<Object> params) {
        StringBuilder out = new StringBuilder();
        int p = 0;
        for (char ch : sql.toCharArray()) {
            out.append(ch == '?' ? CourseFactsSql.literal(params.get(p++)) : String.valueOf(ch));
        }
        return out.toString();
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
