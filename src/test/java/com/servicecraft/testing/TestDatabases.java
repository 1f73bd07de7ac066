package com.servicecraft.testing;

import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.DatabaseSettings;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The databases persistence tests run against: an H2 file database, and MariaDB/MySQL at
 * {@code SERVICECRAFT_TEST_MYSQL_URL} (default 127.0.0.1:3306, root, empty password). Each gets a
 * fresh, migrated schema once per test JVM. MariaDB tests are skipped on a machine without a
 * server, except in CI ({@code CI=true}) where a missing server fails the build.
 */
public final class TestDatabases {
    public enum Kind { H2, MARIADB }

    private static final Map<Kind, Database> OPEN = new EnumMap<>(Kind.class);
    private static final Map<String, Object> COUNTING = Map.of("hibernate.session_factory.statement_inspector", new SqlCounter());

    private TestDatabases() {
    }

    public static synchronized Database get(Kind kind) {
        return OPEN.computeIfAbsent(kind, TestDatabases::open);
    }

    private static Database open(Kind kind) {
        try {
            if (kind == Kind.H2) {
                Path dir = Files.createTempDirectory("servicecraft-h2");
                return Database.open(new DatabaseSettings(DatabaseSettings.h2FileUrl(dir.resolve("test")), "sa", "", 12), COUNTING);
            }
            String server = System.getenv().getOrDefault("SERVICECRAFT_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
            String user = System.getenv().getOrDefault("SERVICECRAFT_TEST_MYSQL_USER", "root");
            String password = System.getenv().getOrDefault("SERVICECRAFT_TEST_MYSQL_PASSWORD", "");
            String schema = "sc_test_" + UUID.randomUUID().toString().substring(0, 8);
            try (Connection c = DriverManager.getConnection(server + "test", user, password);
                 Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
                if (ci) {
                    throw new IllegalStateException("CI needs MariaDB at " + server + ": " + e.getMessage(), e);
                }
                Assumptions.abort("No MariaDB/MySQL server at " + server + " (" + e.getMessage() + ")");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, user, password, schema)));
            return Database.open(new DatabaseSettings(server + schema, user, password, 12), COUNTING);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drop(String server, String user, String password, String schema) {
        try (Connection c = DriverManager.getConnection(server + "test", user, password);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
        } catch (SQLException ignored) {
            // best effort
        }
    }

    /**
     * Empties every application table so that each test starts clean, whatever other tests left
     * behind. The list names the tables the caller relies on; they must exist (a typo fails fast).
     */
    public static void clear(Database db, List<String> tables) {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            List<String> all = new java.util.ArrayList<>();
            try (var rs = c.getMetaData().getTables(c.getCatalog(), db.isMySql() ? null : "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if (!name.startsWith("flyway")) {
                        all.add(name);
                    }
                }
            }
            for (String t : tables) {
                if (!all.contains(t)) {
                    throw new IllegalStateException("no table " + t);
                }
            }
            st.execute(db.isMySql() ? "SET FOREIGN_KEY_CHECKS = 0" : "SET REFERENTIAL_INTEGRITY FALSE");
            try {
                // One transaction: one log flush instead of one per table (tens of milliseconds each on MariaDB).
                c.setAutoCommit(false);
                for (String t : all) {
                    st.execute("DELETE FROM " + t);
                }
                c.commit();
            } finally {
                c.setAutoCommit(true);
                st.execute(db.isMySql() ? "SET FOREIGN_KEY_CHECKS = 1" : "SET REFERENTIAL_INTEGRITY TRUE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
