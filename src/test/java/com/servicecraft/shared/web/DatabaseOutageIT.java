package com.servicecraft.shared.web;

import com.servicecraft.testing.FacesHttp;
import com.servicecraft.testing.TestServer;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away under a running application (here: its H2 server stops). Pages answer the
 * 503 "temporarily unavailable" page within the connection timeout, with one log line each.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DatabaseOutageIT {

    @Test
    void duringAnOutagePagesSayTemporarilyUnavailableInsteadOfAStackTrace() throws Exception {
        Path dir = Files.createTempDirectory("servicecraft-outage");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Server database = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", dir.toString(), "-ifNotExists").start();
        try (TestServer app = TestServer.withEnvironment(Map.of("SERVICECRAFT_ADMIN_PASSWORD", "admin-password-1",
                "SERVICECRAFT_DB_URL", "jdbc:h2:tcp://127.0.0.1:" + port + "/servicecraft", "SERVICECRAFT_DB_CONNECT_TIMEOUT_MS", "1000")).start()) {
            FacesHttp admin = new FacesHttp(app).signIn("admin", "admin-password-1");
            assertEquals(200, admin.open("/admin/users.xhtml").statusCode(), "before the outage");

            database.stop();
            int logBefore = app.output().length();
            HttpResponse<String> page = admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/admin/users.xhtml")))
                    .header("Accept-Language", "en").timeout(java.time.Duration.ofSeconds(60)).build());

            assertEquals(503, page.statusCode(), page.body());
            assertTrue(page.body().contains("Service temporarily unavailable"), page.body());
            String log = app.output().substring(logBefore);
            assertTrue(log.contains("DATABASE_UNAVAILABLE"), log);
            assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
        } finally {
            database.stop();
        }
    }
}
