package com.servicecraft.shared.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The one place that opens the database: a connection pool, Flyway migrations, then the JPA
 * EntityManagerFactory that validates (never generates) the schema. Used by the application
 * (through {@link DatabaseProducer}) and by tests alike.
 */
public class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    /** H2 reads this once, when it first loads; an operator's own {@code -Dh2.bindAddress} wins. */
    static final String H2_BIND_ADDRESS = "h2.bindAddress";
    /** How long start-up waits for the embedded H2 file (its first open after a kill -9 takes seconds). */
    static final long EMBEDDED_STARTUP_TIMEOUT_MILLIS = 30_000;

    static {
        // The embedded H2 file database (AUTO_SERVER) shares itself through a TCP port that H2 opens on
        // every interface; only processes on this machine (a console, a second dev node) need it.
        System.getProperties().putIfAbsent(H2_BIND_ADDRESS, "127.0.0.1");
    }

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final String productName;
    private final String productVersion;
    private final String schemaVersion;

    private Database(HikariDataSource dataSource, EntityManagerFactory emf, String product, String version, String schema) {
        this.dataSource = dataSource;
        this.entityManagerFactory = emf;
        this.productName = product;
        this.productVersion = version;
        this.schemaVersion = schema;
    }

    public static Database open(DatabaseSettings settings) {
        return open(settings, Map.of());
    }

    /** With extra JPA properties (tests use this to count SQL statements). */
    public static Database open(DatabaseSettings settings, Map<String, Object> extraProperties) {
        if (settings.isH2() && !"127.0.0.1".equals(org.h2.engine.SysProperties.BIND_ADDRESS)) {
            LOG.warning(() -> "H2's AUTO_SERVER port listens on " + (org.h2.engine.SysProperties.BIND_ADDRESS == null
                    ? "every interface (H2 was loaded before " + Database.class.getSimpleName() + ")"
                    : org.h2.engine.SysProperties.BIND_ADDRESS));
        }
        HikariDataSource ds = pool(settings);
        try {
            String[] product = product(ds);
            String schema = migrate(ds, product[0].equals("H2"));
            Map<String, Object> props = new HashMap<>();
            props.put("jakarta.persistence.nonJtaDataSource", ds);
            // mysql-connector-j reports MariaDB as "MySQL 5.5.5"; tell Hibernate what it really is.
            props.put("jakarta.persistence.database-product-name", product[0]);
            props.put("jakarta.persistence.database-product-version", product[1]);
            String[] majorMinor = product[1].replaceAll("^(\\d+)\\.(\\d+).*$", "$1.$2").split("\\.");
            props.put("jakarta.persistence.database-major-version", majorMinor[0]);
            props.put("jakarta.persistence.database-minor-version", majorMinor.length > 1 ? majorMinor[1] : "0");
            props.putAll(extraProperties);
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("servicecraft", props);
            ds.getHikariConfigMXBean().setConnectionTimeout(settings.connectTimeoutMillis());
            LOG.info(() -> "Database ready: " + settings + " (" + product[0] + " " + product[1] + ")");
            return new Database(ds, emf, product[0], product[1], schema);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setPoolName("servicecraft");
        // Hikari's default waits 30 s for a connection; in an outage every request would hang that long.
        // Only the first open of an embedded file after a crash may take longer (H2 checks its lock file):
        // start-up waits as long as that needs, requests then wait the configured time (see open()).
        config.setConnectionTimeout(settings.isEmbeddedH2()
                ? Math.max(EMBEDDED_STARTUP_TIMEOUT_MILLIS, settings.connectTimeoutMillis()) : settings.connectTimeoutMillis());
        // Tomcat does not find drivers inside a WAR through DriverManager.
        config.setDriverClassName(settings.isH2() ? "org.h2.Driver" : "com.mysql.cj.jdbc.Driver");
        if (!settings.isH2()) {
            config.addDataSourceProperty("characterEncoding", "UTF-8");
            config.addDataSourceProperty("connectionTimeZone", "UTC");
            config.addDataSourceProperty("rewriteBatchedStatements", "true");
            // Fail fast on a server that does not answer: opening a connection, and any single read.
            config.addDataSourceProperty("connectTimeout", String.valueOf(settings.connectTimeoutMillis()));
            config.addDataSourceProperty("socketTimeout", String.valueOf(DatabaseSettings.SOCKET_TIMEOUT_MILLIS));
            // HikariCP's recommended Connector/J settings: cache statement parsing and the server's
            // settings, and skip round trips that only repeat the session state the driver knows.
            config.addDataSourceProperty("cachePrepStmts", "true");
            config.addDataSourceProperty("prepStmtCacheSize", "250");
            config.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
            config.addDataSourceProperty("useLocalSessionState", "true");
            config.addDataSourceProperty("cacheServerConfiguration", "true");
        }
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static String[] product(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String name = md.getDatabaseProductName();
            String version = md.getDatabaseProductVersion();
            try (var st = c.createStatement(); var rs = st.executeQuery(name.equals("H2") ? "SELECT H2VERSION()" : "SELECT VERSION()")) {
                if (rs.next()) {
                    version = rs.getString(1);
                }
            }
            if (version.toLowerCase().contains("mariadb")) {
                name = "MariaDB";
            }
            return new String[]{name, version.replaceAll("^(\\d+\\.\\d+\\.\\d+).*$", "$1")};
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }

    /** Migrates to the latest schema and returns its version. */
    private static String migrate(DataSource ds, boolean h2) {
        Flyway flyway = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .placeholders(Map.of("ts", h2 ? "TIMESTAMP(6)" : "DATETIME(6)", "text", h2 ? "CLOB" : "LONGTEXT"))
                .load();
        flyway.migrate();
        var current = flyway.info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String productName() {
        return productName;
    }

    /** The Flyway schema version this node migrated to (or found) at start-up. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** True on MySQL and MariaDB, where some SQL (locking, upserts) differs from H2. */
    public boolean isMySql() {
        String p = productName.toLowerCase(java.util.Locale.ROOT);
        return p.contains("mysql") || p.contains("mariadb");
    }

    public String productVersion() {
        return productVersion;
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        dataSource.close();
    }
}
