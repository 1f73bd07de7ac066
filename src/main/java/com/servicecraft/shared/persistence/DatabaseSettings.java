package com.servicecraft.shared.persistence;

import java.nio.file.Path;

/**
 * Where the database is (part of {@link com.servicecraft.shared.settings.Settings}). Without {@code SERVICECRAFT_DB_URL} the
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

    /** The embedded database's folder when {@code SERVICECRAFT_DATA_DIR} is not set. */
    public static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".servicecraft");
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
        return "DatabaseSettings[url=" + url.replaceAll("(?i)(password=)[^&;]*", "$1(redacted)") + ", user=" + user + ", password=" + (password == null || password.isEmpty() ? "(empty)" : "(set)")
                + ", maxPoolSize=" + maxPoolSize + ", connectTimeoutMillis=" + connectTimeoutMillis + "]";
    }
}
