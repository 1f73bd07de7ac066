package com.servicecraft.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own, from the machine's {@code mariadb-install-db} and
 * {@code mariadbd}: its own port and data folder (under target/), so a test may stop and start it
 * without touching the suite's shared server. Skipped on a machine without MariaDB, except in CI.
 */
public final class OwnMariaDb implements AutoCloseable {
    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

    private final Path dataDir;
    private final Path runDir;
    private final int port;
    private Process process;

    private OwnMariaDb(Path dataDir, Path runDir, int port) {
        this.dataDir = dataDir;
        this.runDir = runDir;
        this.port = port;
    }

    public static void requireMariaDb() {
        if (!Files.isExecutable(MARIADBD)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI needs " + MARIADBD + " and mariadb-install-db (apt-get install mariadb-server)");
            }
            Assumptions.abort("mariadbd not installed");
        }
    }

    /** A fresh server with an empty database {@code name}; root has an empty password over TCP. */
    public static OwnMariaDb start(String name) throws Exception {
        requireMariaDb();
        Path base = Files.createTempDirectory(Files.createDirectories(Path.of("target", "own-mariadb")).toAbsolutePath(), "db");
        // The socket's path must stay short (108 bytes): it lives in the system's temp folder.
        Path runDir = Files.createTempDirectory("sc-mdb");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        OwnMariaDb db = new OwnMariaDb(base.resolve("data"), runDir, port);
        Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--datadir=" + db.dataDir,
                "--user=" + System.getProperty("user.name"), "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(base.resolve("install.log").toFile()).start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(base.resolve("install.log")));
        }
        db.startServer();
        try (Connection c = db.connect("mysql")) {
            c.createStatement().execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return db;
    }

    /** Starts the server (again) on the same port and data, and waits until it answers. */
    public void startServer() throws Exception {
        Path log = dataDir.getParent().resolve("mariadbd.log");
        process = new ProcessBuilder(List.of(MARIADBD.toString(), "--no-defaults", "--datadir=" + dataDir, "--port=" + port,
                "--bind-address=127.0.0.1", "--socket=" + runDir.resolve("s.sock"), "--pid-file=" + runDir.resolve("p.pid"),
                "--user=" + System.getProperty("user.name"), "--skip-log-bin", "--innodb-buffer-pool-size=32M"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd ended: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (Connection c = connect("mysql")) {
                return;
            } catch (SQLException notYet) {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("mariadbd did not answer on port " + port);
    }

    /** Shuts the server down (as an administrator or a crash of the host would take it away) and waits until it is gone. */
    public void stopServer() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "root", "");
    }

    @Override
    public void close() throws InterruptedException {
        stopServer();
    }
}
