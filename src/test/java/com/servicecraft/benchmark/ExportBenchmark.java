package com.servicecraft.benchmark;

import com.servicecraft.learning.CourseShape;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Lesson;
import com.servicecraft.shared.Language;
import com.servicecraft.reporting.CompletionExports;
import com.servicecraft.reporting.CompletionFilter;
import com.servicecraft.reporting.CompletionQuery;
import com.servicecraft.reporting.export.CompletionColumns;
import com.servicecraft.reporting.export.CsvCompletionWriter;
import com.servicecraft.reporting.export.XlsxCompletionWriter;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.DatabaseSettings;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.shared.web.Messages;
import com.servicecraft.testing.TestUsers;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The export benchmark (not a test): seeds about 1,000,000 completion rows in MariaDB (111,112
 * trainees with the whole course assigned: 8 modules + the course row each, with lesson progress,
 * quiz attempts and post-course tests), then measures, in one run, the CSV and XLSX exports of
 * 180, 1,000, 10,000, 100,000 and 1,000,000 rows (each the median of several runs) against {@code mariadb --batch} running the same statements (one per
 * chunk of trainees) with its output to /dev/null,
 * and the peak heap of each export. Run it with {@code mvn -Pexport-benchmark verify} (see pom.xml).
 *
 * <p>System properties: {@code bench.url} (JDBC server URL, default {@code jdbc:mysql://127.0.0.1:3306/}),
 * {@code bench.user} (root), {@code bench.db} (sc_bench_exports; kept between runs, seeded once),
 * {@code bench.trainees} (111112), {@code bench.sizes} (the trainee counts measured besides all of them,
 * 9 rows each: 20,112,1112,11112 ≈ 180, 1,000, 10,000 and 100,000 rows),
 * {@code bench.client} (mariadb).
 */
public final class ExportBenchmark {
    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    public static void main(String[] args) throws Exception {
        String server = System.getProperty("bench.url", "jdbc:mysql://127.0.0.1:3306/");
        String user = System.getProperty("bench.user", "root");
        String password = System.getProperty("bench.password", "");
        String dbName = System.getProperty("bench.db", "sc_bench_exports");
        int trainees = Integer.getInteger("bench.trainees", 111_112);
        List<Integer> sizes = sizes(System.getProperty("bench.sizes", "20,112,1112,11112"), trainees);
        String client = System.getProperty("bench.client", "mariadb");
        String contentDir = System.getProperty("servicecraft.contentDir", "content");

        try (Connection c = DriverManager.getConnection(server + "test", user, password); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + dbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        try (Database db = Database.open(new DatabaseSettings(server + dbName, user, password, 4))) {
            Transactions tx = new Transactions(db.entityManagerFactory());
            ContentRepository content = new ContentRepository(tx, Clock.systemUTC(), TestUsers.admin());
            content.start(Path.of(contentDir));
            Course course = content.course();
            seed(db, course, trainees, sizes);

            CourseShape shape = CourseShape.of(course, Language.ZH_CN);
            CompletionQuery query = new CompletionQuery(db.dataSource(), true);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            var allReq = new CompletionQuery.Request(shape, CompletionFilter.ALL, null, today, null, false, false);

            System.out.println("BENCHMARK warm-up: dumping every row once so that MariaDB's buffer pool holds the tables");
            dump(client, user, password, dbName, query.dumpScript(allReq));

            List<String> report = new ArrayList<>();
            List<Result> results = new ArrayList<>();
            if (Boolean.parseBoolean(System.getProperty("bench.warmUp", "true"))) {
                // What the application does at start, in the background (ApplicationStartup): -Dbench.warmUp=false shows the cost without it.
                long w0 = System.nanoTime();
                XlsxCompletionWriter.warmUp();
                report.add(String.format(Locale.ROOT, "BENCHMARK XLSX warm-up as at application start: %.4f s", (System.nanoTime() - w0) / 1e9));
                System.out.println(report.get(0));
            }
            // Department bench-<n> holds the trainees after the previous size up to n: the first k departments are the first n trainees.
            Set<Long> departments = new java.util.HashSet<>();
            for (int n : sizes) {
                departments.add(id(db, "SELECT id FROM department WHERE name = 'bench-" + n + "'"));
                var req = new CompletionQuery.Request(shape, CompletionFilter.ALL, Set.copyOf(departments), today, null, false, false);
                results.add(measure(label(n * 9L), query, req, client, user, password, dbName));
            }
            boolean whole = trainees > sizes.get(sizes.size() - 1);
            if (whole) {
                results.add(measure(label(trainees * 9L), query, allReq, client, user, password, dbName));
            }
            report.add(cold);
            results.forEach(r -> report.add(r.line()));
            for (Result r : results) {
                report.add(String.format(Locale.ROOT, "BENCHMARK %s: XLSX/CSV %.2f (target <= 3) %s", r.label, r.xlsxPerCsv(),
                        r.xlsxPerCsv() <= 3 ? "met" : "NOT met"));
            }
            Result s = results.get(results.size() - 2);
            Result l = results.get(results.size() - 1);
            double csvLive = (double) l.csv.peakLive() / s.csv.peakLive();
            double xlsxLive = (double) l.xlsx.peakLive() / s.xlsx.peakLive();
            report.add(String.format(Locale.ROOT, "BENCHMARK heap(%s)/heap(%s): peak heap CSV %.2f, XLSX %.2f;"
                            + " live after GC CSV %.2f, XLSX %.2f (target <= 1.25)", l.label, s.label,
                    (double) l.csv.peakUsed() / s.csv.peakUsed(), (double) l.xlsx.peakUsed() / s.xlsx.peakUsed(), csvLive, xlsxLive));
            report.add(String.format(Locale.ROOT, "BENCHMARK targets at %s: CSV/dump %.2f (<= 1.5) %s, XLSX/dump %.2f (<= 12) %s",
                    l.label, l.csvRatio(), l.csvRatio() <= 1.5 ? "met" : "NOT met", l.xlsxRatio(), l.xlsxRatio() <= 12 ? "met" : "NOT met"));
            System.out.println();
            report.forEach(System.out::println);
        }
    }

    /** The trainee counts of the measured sizes (9 rows each: 8 modules and the course), ascending, none above {@code trainees}. */
    private static List<Integer> sizes(String list, int trainees) {
        List<Integer> sizes = new ArrayList<>();
        for (String s : list.split(",")) {
            int n = Integer.parseInt(s.strip());
            if (n <= trainees && (sizes.isEmpty() || n > sizes.get(sizes.size() - 1))) {
                sizes.add(n);
            }
        }
        if (sizes.isEmpty()) {
            sizes.add(trainees);
        }
        return sizes;
    }

    private static String label(long rows) {
        return rows >= 1_000_000 ? rows / 1_000_000 + "M" : rows >= 1_000 ? rows / 1_000 + "k" : String.valueOf(rows);
    }

    /**
     * Peak heap of one export, two ways: the pools' peak use (which includes garbage the collector
     * has not reached yet, so it says more about the GC than about the export) and the peak of what
     * was still in use after each collection (the export's live memory: this is what must not grow
     * with the number of rows).
     */
    record Heap(long peakUsed, long peakLive) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "peak heap %d MB, live after GC %d MB", peakUsed >> 20, peakLive >> 20);
        }
    }

    record Result(String label, long rows, double dumpSeconds, double csvSeconds, double xlsxSeconds, Heap csv, Heap xlsx) {
        double csvRatio() {
            return csvSeconds / dumpSeconds;
        }

        double xlsxRatio() {
            return xlsxSeconds / dumpSeconds;
        }

        double xlsxPerCsv() {
            return xlsxSeconds / csvSeconds;
        }

        String line() {
            return String.format(Locale.ROOT, "BENCHMARK %s: %,d rows | dump %.4f s | CSV %.4f s (%.2f× dump, %s)"
                            + " | XLSX %.4f s (%.2f× dump, %.2f× CSV, %s)", label, rows, dumpSeconds, csvSeconds, csvRatio(),
                    csv, xlsxSeconds, xlsxRatio(), xlsxPerCsv(), xlsx);
        }
    }

    private static Result measure(String label, CompletionQuery query, CompletionQuery.Request req, String client, String user,
                                  String password, String dbName) throws Exception {
        double dump = dump(client, user, password, dbName, query.dumpScript(req));
        Locale zh = Language.ZH_CN.locale();
        List<String> headers = CompletionColumns.ALL.stream().map(c -> Messages.text(zh, c.messageKey())).toList();
        CompletionColumns.Words words = CompletionExports.words(zh);

        // Times without the heap probes (a full collection would dwarf a small export): the median of a few runs,
        // more runs for small sizes, after one warm-up of each; then one more run of each with the probes, for the heap.
        long rows = query.stream(req, null, false, null, 0, 0, r -> { });
        int runs = (int) Math.max(1, Math.min(Integer.getInteger("bench.maxRuns", 15), 200_000 / Math.max(1, rows)));
        double firstCsv = csvOnce(query, req, headers, words, false);
        double firstXlsx = xlsxOnce(query, req, headers, words, false);
        if (cold == null) {
            // The first export of each kind in this JVM: what the first HR download after a start costs.
            cold = String.format(Locale.ROOT, "BENCHMARK first export in a fresh JVM (%s): CSV %.4f s, XLSX %.4f s (%.2f× CSV)",
                    label, firstCsv, firstXlsx, firstXlsx / firstCsv);
            System.out.println(cold);
        }
        double[] csvTimes = new double[runs];
        double[] xlsxTimes = new double[runs];
        for (int i = 0; i < runs; i++) {
            csvTimes[i] = csvOnce(query, req, headers, words, false);
            xlsxTimes[i] = xlsxOnce(query, req, headers, words, false);
        }
        double csv = median(csvTimes);
        double xlsx = median(xlsxTimes);
        resetPeaks();
        csvOnce(query, req, headers, words, true);
        Heap csvHeap = new Heap(peakHeap(), LIVE.peak());
        resetPeaks();
        xlsxOnce(query, req, headers, words, true);
        Heap xlsxHeap = new Heap(peakHeap(), LIVE.peak());
        Result r = new Result(label, rows, dump, csv, xlsx, csvHeap, xlsxHeap);
        System.out.println(r.line());
        return r;
    }

    private static String cold;

    private static double csvOnce(CompletionQuery query, CompletionQuery.Request req, List<String> headers,
                                  CompletionColumns.Words words, boolean probeHeap) {
        long t0 = System.nanoTime();
        try (CsvCompletionWriter w = new CsvCompletionWriter(DISCARD, headers, words)) {
            query.stream(req, null, false, null, 0, 0, w);
            if (probeHeap) {
                LIVE.sample();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double xlsxOnce(CompletionQuery query, CompletionQuery.Request req, List<String> headers,
                                   CompletionColumns.Words words, boolean probeHeap) {
        long t0 = System.nanoTime();
        try (XlsxCompletionWriter w = new XlsxCompletionWriter("records", headers, words, ZoneOffset.UTC)) {
            query.stream(req, null, false, null, 0, 0, w);
            if (probeHeap) {
                LIVE.sample();
            }
            w.finish(DISCARD);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] times) {
        double[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * {@code mariadb --batch < script > /dev/null}, timed: the very statements the export runs (one per
     * chunk of trainees), read from a file because the script is longer than a command-line argument may be.
     */
    private static double dump(String client, String user, String password, String dbName, String sql) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(client, "--batch", "-h", "127.0.0.1", "-u", user));
        if (!password.isEmpty()) {
            cmd.add("-p" + password);
        }
        cmd.addAll(List.of("-D", dbName));
        java.io.File script = java.io.File.createTempFile("export-dump", ".sql");
        script.deleteOnExit();
        java.nio.file.Files.writeString(script.toPath(), sql);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectInput(script).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(client + " exited with " + exit);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The largest heap in use right after a collection, since the last reset (from GC notifications). */
    static final class LiveHeap implements javax.management.NotificationListener {
        private volatile long peak;

        void install() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
        }

        void reset() {
            peak = 0;
        }

        long peak() {
            return peak;
        }

        @Override
        public void handleNotification(javax.management.Notification n, Object handback) {
            if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
            if (!info.getGcAction().contains("major")) {
                return; // after a minor collection the old generation still holds promoted garbage
            }
            long live = 0;
            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (HEAP_POOLS.contains(e.getKey())) {
                    live += e.getValue().getUsed();
                }
            }
            record(live);
        }

        private synchronized void record(long live) {
            if (live > peak) {
                peak = live;
            }
        }

        /** A full collection now (with the export's objects still reachable) and its result as a sample. */
        void sample() {
            System.gc();
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    used += pool.getUsage().getUsed();
                }
            }
            record(used);
        }
    }

    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
    private static final LiveHeap LIVE = new LiveHeap();

    static {
        LIVE.install();
    }

    private static void resetPeaks() {
        System.gc();
        LIVE.reset();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage since the last reset. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long id(Database db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Seeds once (MariaDB's SEQUENCE engine makes the rows in a few set-based statements). */
    private static void seed(Database db, Course course, int trainees, List<Integer> sizes) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            StringJoiner names = new StringJoiner("', 'bench-", "('bench-", "')");
            sizes.forEach(n -> names.add(String.valueOf(n)));
            try (ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM app_user WHERE username LIKE 'bench%'),"
                    + " (SELECT COUNT(*) FROM department WHERE name IN " + names + ")")) {
                rs.next();
                if (rs.getLong(1) == trainees && rs.getLong(2) == sizes.size()) {
                    System.out.println("BENCHMARK data already seeded: " + trainees + " trainees");
                    return;
                }
            }
            System.out.println("BENCHMARK seeding " + trainees + " trainees …");
            long t0 = System.nanoTime();
            for (String t : List.of("certificate", "action_plan", "attempt_grant", "attempt_item", "attempt", "lesson_progress",
                    "assignment", "group_member", "training_group", "hr_scope", "user_role", "api_token", "app_user", "department")) {
                st.execute("DELETE FROM " + t);
            }
            // bench-<n>: the trainees after the previous size up to n; bench-rest: the others.
            StringJoiner departments = new StringJoiner(", ");
            sizes.forEach(n -> departments.add("('bench-" + n + "', NOW(6))"));
            st.execute("INSERT INTO department (name, created_at) VALUES " + departments + ", ('bench-rest', NOW(6))");
            StringBuilder department = new StringBuilder();
            for (int n : sizes) {
                department.append("IF(seq <= ").append(n).append(", ").append(id(db, "SELECT id FROM department WHERE name = 'bench-" + n + "'"))
                        .append(", ");
            }
            department.append(id(db, "SELECT id FROM department WHERE name = 'bench-rest'")).append(")".repeat(sizes.size()));
            st.execute("INSERT INTO app_user (id, username, employee_number, display_name, email, department_id, job_title,"
                    + " preferred_language, active, email_notifications, password_hash, password_changed_at, password_must_change,"
                    + " created_at, updated_at, version) SELECT seq, CONCAT('bench', seq), CONCAT('E', LPAD(seq, 7, '0')),"
                    + " CONCAT('学员 ', seq), CONCAT('bench', seq, '@example.com'), " + department
                    + ", IF(seq % 50 = 0, '=HYPERLINK(\"x\")', '客服专员'), 'ZH_CN', TRUE, FALSE, 'pbkdf2-sha256$1$x$y',"
                    + " NOW(6), FALSE, NOW(6), NOW(6), 0 FROM seq_1_to_" + trainees);
            st.execute("INSERT INTO user_role (user_id, role) SELECT seq, 'TRAINEE' FROM seq_1_to_" + trainees);
            st.execute("INSERT INTO assignment (group_id, user_id, module_id, start_date, due_date, status, created_by, created_at,"
                    + " updated_at, version) SELECT NULL, seq, NULL, '2026-10-01', IF(seq % 3 = 0, '2026-11-01', '2027-06-30'),"
                    + " 'ACTIVE', 1, NOW(6), NOW(6), 0 FROM seq_1_to_" + trainees);
            StringJoiner lessons = new StringJoiner(" UNION ALL ");
            int ord = 0;
            for (CourseModule m : course.modules()) {
                ord++;
                for (Lesson l : m.lessons()) {
                    lessons.add("SELECT '" + m.id() + "' AS mid, '" + l.id() + "' AS lid, " + ord + " AS ord");
                }
            }
            // Trainee n has read the lessons of the first (n mod 9) modules; every third one is still open.
            st.execute("INSERT INTO lesson_progress (user_id, module_id, lesson_id, module_version, first_opened_at, last_seen_at,"
                    + " seconds_spent, completed_at, version) SELECT s.seq, l.mid, l.lid, 'bench', NOW(6), NOW(6), 60 + (s.seq % 600),"
                    + " IF((s.seq + l.ord) % 3 = 0, NULL, NOW(6)), 0 FROM seq_1_to_" + trainees + " s JOIN (" + lessons + ") l"
                    + " ON l.ord <= s.seq % 9");
            ord = 0;
            for (CourseModule m : course.modules()) {
                ord++;
                if (m.hasQuiz()) {
                    st.execute("INSERT INTO attempt (user_id, kind, source_id, attempt_number, status, mode, started_at, submitted_at,"
                            + " graded_at, score_percent, max_points, points, pass_mark, passed, current_position, version)"
                            + " SELECT seq, 'MODULE_QUIZ', '" + m.id() + "', 1, 'GRADED', 'TEST', NOW(6), NOW(6), NOW(6),"
                            + " (seq * 7 + " + ord + ") % 101, 10, 5, " + m.quiz().passMark() + ", (seq * 7 + " + ord + ") % 101 >= "
                            + m.quiz().passMark() + ", 0, 0 FROM seq_1_to_" + trainees + " WHERE seq % 9 >= " + ord);
                }
            }
            st.execute("INSERT INTO attempt (user_id, kind, source_id, attempt_number, status, mode, started_at, submitted_at,"
                    + " graded_at, score_percent, max_points, points, pass_mark, passed, current_position, version)"
                    + " SELECT seq, 'POST_TEST', 'post-test', 1, 'GRADED', 'TEST', NOW(6), NOW(6), NOW(6), 50 + seq % 51, 30, 20,"
                    + course.postTest().passMark() + ", 50 + seq % 51 >= " + course.postTest().passMark() + ", 0, 0"
                    + " FROM seq_1_to_" + trainees + " WHERE seq % 9 = 8");
            st.execute("ANALYZE TABLE app_user, assignment, lesson_progress, attempt");
            System.out.printf(Locale.ROOT, "BENCHMARK seeded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    private ExportBenchmark() {
    }
}
