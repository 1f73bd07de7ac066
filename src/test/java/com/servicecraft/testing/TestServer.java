package com.servicecraft.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application in a separate Jetty process on a free port, with its own H2 data folder (or
 * the database given in the environment). Tests can stop it, kill it (-9) and start it again on
 * the same data, as happens in production.
 */
public final class TestServer implements AutoCloseable {
    private final Path dataDir;
    private final Map<String, String> env;
    private final int port;
    private Process process;
    private final StringBuilder output = new StringBuilder();
    private Path log;
    private volatile CompletableFuture<String> clockMoved;
    private final boolean shared;

    /**
     * One garbage collector thread, the JDK's class data archive and no performance counters start
     * a test server faster on a busy machine. Both compilers stay on: with the quick compiler alone
     * ({@code -XX:TieredStopAtLevel=1}) the JDK's PBKDF2 has no SHA-256 intrinsic and one password
     * hash (600,000 iterations: every sign-in, and the demo's seeding at start) took about 1.5 s
     * instead of 0.25 s, which made starts and sign-in-heavy tests two to three times slower.
     */
    private static final List<String> FAST_START = List.of("-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:-UsePerfData");

    /** Started servers shared by the test classes of this JVM, by environment; stopped when the JVM ends. */
    private static final Map<Map<String, String>, TestServer> SHARED = new HashMap<>();

    private TestServer(Path dataDir, Map<String, String> env, boolean shared) throws IOException {
        this.dataDir = dataDir;
        this.env = env;
        this.shared = shared;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    /** A fresh installation: empty database, no accounts. */
    public static TestServer fresh() throws IOException {
        return withEnvironment(Map.of());
    }

    public static TestServer withEnvironment(Map<String, String> extraEnv) throws IOException {
        Path dir = Files.createTempDirectory("servicecraft-it");
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putIfAbsent("SERVICECRAFT_DATA_DIR", dir.toString());
        env.putIfAbsent("SERVICECRAFT_CONTENT_DIR", System.getProperty("servicecraft.contentDir", "content"));
        return new TestServer(dir, env, false);
    }

    /**
     * A started server with this environment, shared by every test class of this JVM that asks for
     * the same environment: a server start costs seconds, a test class that only reads and writes
     * its own people's data does not need a server of its own. {@link #close()} and {@link #stop()}
     * leave it running (the JVM's end stops it), {@link #kill()} and {@link #advanceClock} are
     * refused. A test class that counts what everybody did, or changes what other classes see
     * (settings, shared accounts, the clock), takes a server of its own instead.
     */
    public static synchronized TestServer shared(Map<String, String> extraEnv) throws Exception {
        Map<String, String> key = Map.copyOf(extraEnv);
        TestServer server = SHARED.get(key);
        if (server == null || !server.process.isAlive()) {
            Path dir = Files.createTempDirectory("servicecraft-it");
            Map<String, String> env = new HashMap<>(extraEnv);
            env.putIfAbsent("SERVICECRAFT_DATA_DIR", dir.toString());
            env.putIfAbsent("SERVICECRAFT_CONTENT_DIR", System.getProperty("servicecraft.contentDir", "content"));
            server = new TestServer(dir, env, true).start();
            TestServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stopNow, "test-server-stop"));
            SHARED.put(key, server);
        }
        return server;
    }

    public TestServer start() throws Exception {
        String war = System.getProperty("servicecraft.war", "target/servicecraft");
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-Dfile.encoding=UTF-8"));
        cmd.addAll(FAST_START);
        cmd.addAll(List.of("-cp", serverClasspath(), TestServerMain.class.getName(), war, String.valueOf(port)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Files.createDirectories(Path.of("target", "test-servers"));
        log = Path.of("target", "test-servers", "server-" + port + ".log");
        pb.environment().keySet().removeIf(k -> k.startsWith("SERVICECRAFT_"));
        pb.environment().putAll(env);
        long startedAt = System.nanoTime();
        process = pb.start();
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> pump(started), "test-server-output");
        reader.setDaemon(true);
        reader.start();
        boolean ok;
        try {
            ok = started.get(180, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            ok = false;
        }
        if (!ok) {
            // No server left running behind a failed test (it would slow down every test after it).
            process.destroyForcibly();
            throw new IllegalStateException("The test server did not start:\n" + output());
        }
        // One line per start in the test's output: where the suite's time goes.
        System.out.println("TestServer " + baseUrl() + (shared ? " (shared)" : "") + " started in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt) + " ms");
        return this;
    }

    private void pump(CompletableFuture<Boolean> started) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var logFile = Files.newBufferedWriter(log, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                     java.nio.file.StandardOpenOption.APPEND)) {
            String line;
            while ((line = r.readLine()) != null) {
                logFile.write(line);
                logFile.newLine();
                logFile.flush();
                synchronized (output) {
                    // Generous: a shared server's output is searched and counted by many test classes.
                    output.append(line).append('\n');
                    if (output.length() > 8_000_000) {
                        output.delete(0, 4_000_000);
                    }
                }
                if (line.startsWith("SERVICECRAFT-STARTED")) {
                    started.complete(true);
                }
                CompletableFuture<String> moved = clockMoved;
                if (moved != null && line.startsWith("SERVICECRAFT-CLOCK ")) {
                    moved.complete(line.substring("SERVICECRAFT-CLOCK ".length()));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        started.complete(false);
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    /** A connection to the server's own H2 file (AUTO_SERVER shares it), for setting up what a test needs. */
    public java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                com.servicecraft.shared.persistence.DatabaseSettings.h2FileUrl(dataDir().resolve("servicecraft")), "sa", "");
    }

    /** A group owned by {@code trainer} with these trainees, made as the trainer's group pages would. */
    public void group(String name, String trainer, String... trainees) throws java.sql.SQLException {
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        try (java.sql.Connection c = database();
             java.sql.PreparedStatement g = c.prepareStatement("insert into training_group (name, owner_id, created_at, version)"
                     + " select ?, id, ?, 0 from app_user where username = ?");
             java.sql.PreparedStatement m = c.prepareStatement("insert into group_member (group_id, user_id, added_at, added_by)"
                     + " select g.id, u.id, ?, g.owner_id from training_group g, app_user u where g.name = ? and u.username = ?")) {
            g.setString(1, name);
            g.setTimestamp(2, now);
            g.setString(3, trainer);
            if (g.executeUpdate() != 1) {
                throw new IllegalStateException("no trainer " + trainer);
            }
            for (String t : trainees) {
                m.setTimestamp(1, now);
                m.setString(2, name);
                m.setString(3, t);
                if (m.executeUpdate() != 1) {
                    throw new IllegalStateException("no trainee " + t);
                }
            }
        }
    }

    /**
     * Moves the server's clock forward by {@code step} (it starts at the real time) and returns once
     * the server has done so: a quiz's deadline or a due date passes without waiting for it.
     */
    public synchronized void advanceClock(Duration step) throws Exception {
        refuseIfShared("advanceClock");
        CompletableFuture<String> moved = new CompletableFuture<>();
        clockMoved = moved;
        var commands = process.getOutputStream();
        commands.write(("advance " + step + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
        moved.get(30, TimeUnit.SECONDS);
        clockMoved = null;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code kill -9}: no shutdown hooks, no flushing; what was committed must survive. */
    public void kill() throws InterruptedException {
        refuseIfShared("kill");
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public void stop() throws InterruptedException {
        if (!shared) {
            stopNow();
        }
    }

    private void refuseIfShared(String what) {
        if (shared) {
            throw new UnsupportedOperationException(what + " would disturb the other test classes on a shared server");
        }
    }

    private void stopNow() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Jetty and its few dependencies only: the application's own jars come from the WAR. Like the
     * class path of {@code mvn jetty:run-war}, it includes Jetty's apache-jsp with Jasper's
     * Expression Language ({@code /org/mortbay/jasper/}), which the application then runs with.
     */
    private static String serverClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("/org/eclipse/jetty/") || p.contains("/org/ow2/asm/") || p.contains("/org/mortbay/jasper/") || p.contains("jakarta.el-api") || p.contains("jakarta.servlet.jsp")
                        || p.contains("jakarta.servlet-api") || p.contains("jakarta.annotation-api")
                        || p.contains("jakarta.transaction-api") || p.contains("jakarta.interceptor-api") || p.contains("jakarta.websocket")
                        || p.contains("/org/slf4j/") || p.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
