package com.servicecraft.shared.persistence;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the database is, read from the environment. Without {@code SERVICECRAFT_DB_URL} the
 * application uses an embedded H2 file database under {@code SERVICECRAFT_DATA_DIR}
 * (default {@code ~/.servicecraft}), so a newcomer needs nothing installed.
 * {@code connectTimeoutMillis} bounds how long a request waits for a connection (from the pool, or a
 * new one) before it fails: during a database outage pages fail fast instead of hanging.
 */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize, long connectTimeoutMillis) {
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 3000;
    /** A statement that gets no answer for this long fails (a database gone without closing the connection). */
    public static final int SOCKET_TIMEOUT_MILLIS = 120_000;

    public DatabaseSettings(String url, String user, String password, int maxPoolSize) {
        this(url, user, password, maxPoolSize, DEFAULT_CONNECT_TIMEOUT_MILLIS);
    }

    public DatabaseSettings {
        if (connectTimeoutMillis < 250) {
            throw new IllegalArgumentException("SERVICECRAFT_DB_CONNECT_TIMEOUT_MS must be at least 250 (ms)");
        }
    }

    public static DatabaseSettings fromEnvironment() {
        return from(System.getenv());
    }

    static DatabaseSettings from(Map<String, String> env) {
        String url = env.get("SERVICECRAFT_DB_URL");
        if (url == null || url.isBlank()) {
            url = h2FileUrl(dataDirectory(env).resolve("servicecraft"));
        }
        int pool = Integer.parseInt(env.getOrDefault("SERVICECRAFT_DB_POOL_SIZE", "10"));
        long timeout = Long.parseLong(env.getOrDefault("SERVICECRAFT_DB_CONNECT_TIMEOUT_MS",
                String.valueOf(DEFAULT_CONNECT_TIMEOUT_MILLIS)).trim());
        return new DatabaseSettings(url, env.getOrDefault("SERVICECRAFT_DB_USER", "sa"),
                env.getOrDefault("SERVICECRAFT_DB_PASSWORD", ""), pool, timeout);
    }

    public static Path dataDirectory(Map<String, String> env) {
        String dir = env.get("SERVICECRAFT_DATA_DIR");
        return dir == null || dir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".servicecraft")
                : Path.of(dir);
    }

    public static String h2FileUrl(Path file) {
        // AUTO_SERVER lets a second process (a console, a second dev node) open the same file.
        // WRITE_DELAY=0: a commit reaches the file at once; H2's default waits up to 500 ms, and a
        // killed server would lose what was committed in that time (an answer, a position).
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /** H2 in this process (a file), not a server reached over the network. */
    public boolean isEmbeddedH2() {
        return isH2() && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /** Settings with the password hidden, for logs. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }
}
