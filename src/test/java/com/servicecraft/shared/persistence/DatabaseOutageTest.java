package com.servicecraft.shared.persistence;

import com.servicecraft.shared.settings.Settings;
import com.servicecraft.shared.web.KnownFailure;
import com.servicecraft.testing.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * During a database outage a request fails within the connection timeout (not Hikari's 30 s), and the
 * failure is recognised as "database unavailable", which pages and the autosave answer cleanly.
 */
class DatabaseOutageTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void thePoolWaitsAtMostTheConfiguredTimeoutForAConnection(TestDatabases.Kind kind) {
        Database db = TestDatabases.get(kind);
        HikariDataSource pool = (HikariDataSource) db.dataSource();
        assertEquals(DatabaseSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS, pool.getConnectionTimeout());
        if (kind == TestDatabases.Kind.MARIADB) {
            assertEquals("3000", pool.getDataSourceProperties().getProperty("connectTimeout"));
            assertEquals(String.valueOf(DatabaseSettings.SOCKET_TIMEOUT_MILLIS), pool.getDataSourceProperties().getProperty("socketTimeout"));
        }
    }

    /** A server that accepts connections and never answers: the worst kind of outage (a hung or cut-off host). */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aDatabaseThatDoesNotAnswerFailsFastAndIsRecognisedAsUnavailable(TestDatabases.Kind kind) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = kind == TestDatabases.Kind.H2
                    ? "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/nowhere"
                    : "jdbc:mysql://127.0.0.1:" + silent.getLocalPort() + "/nowhere";
            long start = System.nanoTime();
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> Database.open(new DatabaseSettings(url, "sa", "", 2, 1000)).close());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 20, "failed after " + seconds + " s; Hikari's default would wait 30 s");
            assertTrue(DatabaseUnavailable.causedBy(failure), () -> "not recognised as an outage: " + failure);
            KnownFailure answer = KnownFailure.of(failure).orElseThrow();
            assertEquals(KnownFailure.DATABASE_UNAVAILABLE, answer, "pages answer it with the clean 503 page");
            assertEquals(503, answer.status());
        }
    }

    @Test
    void theTimeoutIsASettingWithAFastDefault() {
        assertEquals(3000, Settings.from(Map.of()).database().connectTimeoutMillis());
        assertEquals(1500, Settings.from(Map.of("SERVICECRAFT_DB_CONNECT_TIMEOUT_MS", "1500")).database().connectTimeoutMillis());
    }

    @Test
    void otherFailuresAreNotAnOutage() {
        assertTrue(!DatabaseUnavailable.causedBy(new IllegalStateException("x", new java.sql.SQLException("dup", "23000"))));
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(new java.sql.SQLException("link failure", "08S01"))));
    }
}
