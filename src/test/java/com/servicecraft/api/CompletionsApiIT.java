package com.servicecraft.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.servicecraft.shared.persistence.DatabaseSettings;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An HR system pulls completion records through the API: tokens and scopes (401/403), bad filters
 * (400), cursor paging, CSV, the officer's department scope, the audit trail, and the public
 * certificate verification page.
 */
class CompletionsApiIT {
    static final String HR_TOKEN = "Bearer " + com.servicecraft.demo.DemoOrganisation.DEMO_HR_TOKEN;
    static final String CATALOG_ONLY = "sc_catalog_only_token_for_the_scope_test";
    static TestServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static long firstDepartment;
    static long otherDepartment;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true")).start();
        try (Connection c = db(); Statement st = c.createStatement()) {
            long hr = id(st, "SELECT id FROM app_user WHERE username = 'hr1'");
            // Three trainees get the whole course: 8 modules + the course row each.
            for (String t : new String[] {"t001", "t002", "t003"}) {
                long u = id(st, "SELECT id FROM app_user WHERE username = '" + t + "'");
                st.execute("INSERT INTO assignment (group_id, user_id, module_id, start_date, due_date, status, created_by, created_at,"
                        + " updated_at, version) VALUES (NULL, " + u + ", NULL, DATE '2026-10-01', DATE '2099-12-31', 'ACTIVE', " + hr
                        + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            }
            firstDepartment = id(st, "SELECT department_id FROM app_user WHERE username = 't001'");
            otherDepartment = id(st, "SELECT MIN(id) FROM department WHERE id <> " + firstDepartment);
            st.execute("INSERT INTO api_token (name, token_hash, token_prefix, scopes, owner_id, created_at) VALUES ('catalog only', '"
                    + ApiTokenService.hash(CATALOG_ONLY) + "', 'sc_catal', 'catalog:read', " + hr + ", CURRENT_TIMESTAMP)");
            long t001 = id(st, "SELECT id FROM app_user WHERE username = 't001'");
            st.execute("INSERT INTO certificate (cert_number, user_id, course_id, issued_at, score, valid_until) VALUES"
                    + " ('SC-2026-VALIDVALID', " + t001 + ", 'customer-service', TIMESTAMP '2026-11-01 10:00:00', 88, DATE '2099-01-01')");
            long t002 = id(st, "SELECT id FROM app_user WHERE username = 't002'");
            st.execute("INSERT INTO certificate (cert_number, user_id, course_id, issued_at, score, valid_until) VALUES"
                    + " ('SC-2020-EXPIREDXYZ', " + t002 + ", 'customer-service', TIMESTAMP '2020-01-01 10:00:00', 75, DATE '2022-01-01')");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(DatabaseSettings.h2FileUrl(server.dataDir().resolve("servicecraft")), "sa", "");
    }

    static long id(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static HttpResponse<String> get(String pathAndQuery, String authorization, String accept) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.url(pathAndQuery)));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        if (accept != null) {
            r.header("Accept", accept);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":servicecraft-demo").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wrongCredentialsAre401AndMissingScopeOrRoleIs403() throws Exception {
        assertEquals(401, get("/api/v1/completions", null, null).statusCode());
        assertEquals(401, get("/api/v1/completions", "Bearer sc_wrong_token", null).statusCode());
        HttpResponse<String> noScope = get("/api/v1/completions", "Bearer " + CATALOG_ONLY, null);
        assertEquals(403, noScope.statusCode());
        assertTrue(noScope.body().contains("completions:read"), noScope.body());
        assertEquals(403, get("/api/v1/completions", basic("t001"), null).statusCode(), "a trainee is no HR officer");
        assertEquals(200, get("/api/v1/completions", basic("hr1"), null).statusCode());
    }

    @Test
    void badFilterValuesAre400WithAMessage() throws Exception {
        for (String q : new String[] {"status=done", "from=2026-13-01", "department=abc", "module=m99", "limit=0", "limit=5000",
                "cursor=garbage", "updatedSince=yesterday", "from=2026-11-02&to=2026-11-01"}) {
            HttpResponse<String> res = get("/api/v1/completions?" + q, HR_TOKEN, null);
            assertEquals(400, res.statusCode(), q);
            JsonNode body = new ObjectMapper().readTree(res.body());
            assertEquals("bad_request", body.get("error").asText());
            assertTrue(body.get("message").asText().startsWith(q.substring(q.lastIndexOf('&') + 1, q.indexOf('=', q.lastIndexOf('&') + 1))),
                    body.toString());
        }
    }

    @Test
    void cursorPagingWalksEveryRowOnceInAStableOrderAndCsvHasTheSameRows() throws Exception {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> res = get("/api/v1/completions?limit=7" + (cursor == null ? "" : "&cursor=" + cursor), HR_TOKEN, null);
            assertEquals(200, res.statusCode(), res.body());
            JsonNode body = new ObjectMapper().readTree(res.body());
            for (JsonNode row : body.get("data")) {
                assertTrue(seen.add(row.get("userId").asText() + "/" + row.get("moduleId").asText()), "no row twice: " + row);
                assertEquals("not_started", row.get("status").asText());
            }
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(27, seen.size(), "3 trainees × (8 modules + the course)");
        assertEquals(4, pages);

        HttpResponse<String> csv = get("/api/v1/completions", HR_TOKEN, "text/csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("\uFEFFemployeeNumber,name,department"), csv.body().substring(0, 60));
        assertEquals(28, csv.body().split("\r\n").length);
        assertEquals(28, get("/api/v1/completions?format=csv", HR_TOKEN, null).body().split("\r\n").length);
        assertEquals(1 + 3, get("/api/v1/completions?format=csv&module=COURSE", HR_TOKEN, null).body().split("\r\n").length);

        try (Connection c = db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_log WHERE actor_name = 'hr1' AND channel = 'api' AND outcome = 'ok'"
                     + " AND action = 'api.completions' AND row_count = 7")) {
            rs.next();
            assertTrue(rs.getLong(1) >= 3, "every API call is audited with its row count");
        }
    }

    @Test
    void aScopedHrOfficerReadsOnlyTheirDepartments() throws Exception {
        try (Connection c = db(); Statement st = c.createStatement()) {
            long hr = id(st, "SELECT id FROM app_user WHERE username = 'hr1'");
            st.execute("INSERT INTO hr_scope (user_id, department_id) VALUES (" + hr + ", " + otherDepartment + ")");
            try {
                assertEquals(403, get("/api/v1/completions?department=" + firstDepartment, HR_TOKEN, null).statusCode());
                HttpResponse<String> mine = get("/api/v1/completions?limit=1000", HR_TOKEN, null);
                assertEquals(200, mine.statusCode());
                long t001Rows = 0;
                for (JsonNode row : new ObjectMapper().readTree(mine.body()).get("data")) {
                    assertTrue(!row.get("employeeNumber").asText().isEmpty());
                    t001Rows++;
                }
                long expected;
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM app_user WHERE username IN ('t001','t002','t003')"
                        + " AND department_id = " + otherDepartment)) {
                    rs.next();
                    expected = rs.getLong(1) * 9;
                }
                assertEquals(expected, t001Rows);
            } finally {
                st.execute("DELETE FROM hr_scope WHERE user_id = " + hr);
            }
        }
    }

    @Test
    void theOpenApiDescriptionIsServed() throws Exception {
        HttpResponse<String> res = get("/api/v1/openapi.yaml", null, null);
        assertEquals(200, res.statusCode());
        assertTrue(res.body().contains("/api/v1/completions:"));
    }

    @Test
    void anyoneCanVerifyACertificateButSeesNoMoreThanItShows() throws Exception {
        HttpResponse<String> valid = get("/verify/SC-2026-VALIDVALID", null, null);
        assertEquals(200, valid.statusCode());
        assertTrue(valid.body().contains("sc-verify-valid"), valid.body());
        assertTrue(valid.body().contains("2099-01-01"));
        assertTrue(!valid.body().contains("@"), "no e-mail address");
        assertTrue(!valid.body().contains("88"), "no score on the public page");

        HttpResponse<String> expired = get("/verify/SC-2020-EXPIREDXYZ", null, null);
        assertEquals(200, expired.statusCode());
        assertTrue(expired.body().contains("sc-verify-expired"), expired.body());

        HttpResponse<String> unknown = get("/verify/SC-0000-NOSUCHCERT", null, null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("sc-verify-unknown"));
        HttpResponse<String> script = get("/verify/%3Cscript%3E", null, null);
        assertEquals(404, script.statusCode());
        assertTrue(!script.body().contains("<script>"), "the number is escaped");
    }
}
