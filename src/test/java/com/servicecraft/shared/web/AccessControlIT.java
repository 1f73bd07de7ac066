package com.servicecraft.shared.web;

import com.servicecraft.access.AccessRules;
import com.servicecraft.identity.Role;
import com.servicecraft.testing.RawHttp;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access gate under attack, over plain HTTP against the demo organisation: every view and
 * endpoint, anonymously and as each role, plainly and through traversal and encoding tricks.
 */
class AccessControlIT {
    private static final String ADMIN_PASSWORD = "tea-and-river-stones-1";
    /** Listed paths that answer only with parameters (an id, a format, a POST): without them the page itself says no. */
    private static final Set<String> NEED_PARAMETERS = Set.of("/learn/attempt.xhtml", "/learn/result.xhtml", "/learn/lesson.xhtml",
            "/trainer/group.xhtml", "/trainer/trainee.xhtml", "/learn/action-plan.pdf", "/learn/certificate.pdf", "/learn/result.pdf",
            "/learn/autosave", "/learn/reading", "/hr/export/completions", "/bench/write", "/favicon.ico", "/lti/deep-link/return");
    /**
     * Listed paths that answer for themselves: the API authenticates each call (its own tests cover who), setup closes once
     * done, the LTI endpoints check the platform's signed launch (without one they answer with their own refusal page).
     */
    private static final Set<String> OWN_ANSWER = Set.of("/api/v1/catalog", "/api/v1/completions", "/setup.xhtml",
            "/lti/login", "/lti/launch", "/lti/landing", "/lti/jwks");

    /** The traversal and encoding variants of a path; each one must be refused whoever asks. */
    private static final List<UnaryOperator<String>> VARIANTS = List.of(
            p -> "/resources/.." + p,
            p -> "/resources/%2e%2e" + p,
            p -> "/resources/%2E%2E" + p,
            p -> "/resources/.%2e" + p,
            p -> "/resources/..%2f" + p.substring(1),
            p -> "/resources/..%5c" + p.substring(1),
            p -> "/resources\\..\\" + p.substring(1),
            p -> "/account/password.xhtml/../.." + p,
            p -> "/login.xhtml/.." + p,
            p -> "/" + p,
            p -> p.replaceFirst("/([^/]*)$", "//$1"),
            p -> p.replaceFirst("/([^/]*)$", "/./$1"),
            p -> p + ";x=1",
            p -> p + "%00",
            p -> p + "%3b",
            p -> "/resources/%252e%252e" + p,
            p -> "/resources/%c0%ae%c0%ae" + p);

    static TestServer server;
    static RawHttp http;
    /** Caller name to session cookie (null: anonymous) and roles (null: anonymous). */
    static final Map<String, String> sessions = new LinkedHashMap<>();
    static final Map<String, Set<Role>> roles = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_ADMIN_PASSWORD", ADMIN_PASSWORD));
        http = new RawHttp(server);
        sessions.put("anonymous", null);
        roles.put("anonymous", null);
        signIn("admin", ADMIN_PASSWORD, EnumSet.of(Role.ADMIN));
        signIn("trainer1", "servicecraft-demo", EnumSet.of(Role.TRAINER));
        signIn("hr1", "servicecraft-demo", EnumSet.of(Role.HR));
        signIn("t001", "servicecraft-demo", EnumSet.of(Role.TRAINEE));
    }

    private static void signIn(String username, String password, Set<Role> userRoles) throws Exception {
        sessions.put(username, http.signIn(username, password));
        roles.put(username, userRoles);
    }

    @Test
    void everyPlainPathIsOpenToItsRolesAndRefusedToEveryoneElse() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : new TreeSet<>(AccessRules.listedPaths().keySet())) {
            AccessRules.Access access = AccessRules.accessFor(path).orElseThrow();
            for (String caller : sessions.keySet()) {
                RawHttp.Response res = http.get(path, sessions.get(caller));
                String got = caller + " " + path + " -> " + res.status() + (res.location() == null ? "" : " " + res.location());
                boolean toLogin = res.status() == 302 && res.location().startsWith("/login.xhtml");
                if (OWN_ANSWER.contains(path)) {
                    boolean ltiRefusal = path.startsWith("/lti/") && res.body().contains("id=\"ltiRefused\"");
                    if ((res.status() == 400 && !ltiRefusal) || res.status() == 404 || (toLogin && !path.equals("/setup.xhtml"))) {
                        wrong.add("refused by the gate: " + got);
                    }
                } else if (!access.allows(roles.get(caller))) {
                    boolean refused = roles.get(caller) == null ? toLogin && res.location().startsWith("/login.xhtml?next=")
                            : res.status() == 403;
                    if (!refused) {
                        wrong.add("not refused: " + got);
                    }
                } else if (NEED_PARAMETERS.contains(path)) {
                    if (res.status() == 403 || toLogin) {
                        wrong.add("refused: " + got);
                    }
                } else if (res.status() != 200) {
                    wrong.add("not 200: " + got);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyTraversalAndEncodingVariantOfEveryPathIsRefusedForEveryone() throws Exception {
        List<String> wrong = new ArrayList<>();
        Set<String> paths = new TreeSet<>(AccessRules.listedPaths().keySet());
        paths.remove("/");
        paths.add("/learn/media/m1/picture.png");
        for (String path : paths) {
            for (UnaryOperator<String> variant : VARIANTS) {
                String raw = variant.apply(path);
                for (String caller : sessions.keySet()) {
                    RawHttp.Response res = http.get(raw, sessions.get(caller));
                    if (res.status() != 400) {
                        wrong.add(caller + " " + raw + " -> " + res.status());
                    }
                    assertNoLeak(raw, res);
                }
            }
            // Another spelling of a listed path is simply not listed.
            RawHttp.Response upper = http.get(path.toUpperCase(java.util.Locale.ROOT), sessions.get("admin"));
            if (upper.status() != 404) {
                wrong.add("admin " + path.toUpperCase(java.util.Locale.ROOT) + " -> " + upper.status());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theReportedBypassesAreClosed() throws Exception {
        RawHttp.Response content = http.get("/resources/../admin/content.xhtml", null);
        assertEquals(400, content.status());
        assertTrue(content.body().contains("This request cannot be answered"), "our own 400 page, not the administration page");
        try (Connection c = server.database();
             PreparedStatement ps = c.prepareStatement("UPDATE app_user SET password_must_change = TRUE WHERE username = 't020'")) {
            ps.executeUpdate();
        }
        // Access is decided on the path the container serves: an encoded letter changes nothing.
        assertEquals(403, http.get("/%61dmin/users.xhtml", sessions.get("t001")).status());
        assertEquals(200, http.get("/%61dmin/users.xhtml", sessions.get("admin")).status());
        String t020 = http.signIn("t020", "servicecraft-demo");
        assertEquals(400, http.get("/account/password.xhtml/../../index.xhtml", t020).status());
        RawHttp.Response index = http.get("/index.xhtml", t020);
        assertEquals(302, index.status());
        assertEquals("/account/password.xhtml?first=true", index.location());
    }

    @Test
    void aRemovedRoleAndADeactivatedAccountTakeEffectAtTheNextRequest() throws Exception {
        sql("INSERT INTO user_role (user_id, role) SELECT id, 'TRAINER' FROM app_user WHERE username = 't032'");
        String t032 = http.signIn("t032", "servicecraft-demo");
        assertEquals(200, http.get("/trainer/index.xhtml", t032).status());
        sql("DELETE FROM user_role WHERE role = 'TRAINER' AND user_id = (SELECT id FROM app_user WHERE username = 't032')");
        assertEquals(403, http.get("/trainer/index.xhtml", t032).status(), "the role is gone at the next request");

        String t031 = http.signIn("t031", "servicecraft-demo");
        assertEquals(403, http.get("/hr/completions.xhtml", t031).status());
        sql("INSERT INTO user_role (user_id, role) SELECT id, 'HR' FROM app_user WHERE username = 't031'");
        assertEquals(200, http.get("/hr/completions.xhtml", t031).status(), "a new role counts at once too");

        String t030 = http.signIn("t030", "servicecraft-demo");
        assertEquals(200, http.get("/index.xhtml", t030).status());
        sql("UPDATE app_user SET active = FALSE WHERE username = 't030'");
        RawHttp.Response next = http.get("/index.xhtml", t030);
        assertEquals(302, next.status());
        assertTrue(next.location().startsWith("/login.xhtml"), next.location());
        sql("UPDATE app_user SET active = TRUE WHERE username = 't030'");
        assertEquals(302, http.get("/index.xhtml", t030).status(), "the deactivation ended that session for good");
        RawHttp.Response api = http.get("/api/v1/catalog", t030);
        assertEquals(401, api.status(), "the API does not accept the ended session either");
    }

    @Test
    void everyRefusalIsRecordedWithWhoWhatAndWhy() throws Exception {
        server.group("Refusal group", "trainer1", "t002");
        long groupId = longOf("SELECT id FROM training_group WHERE name = 'Refusal group'");
        String t040 = http.signIn("t040", "servicecraft-demo");
        long auditBefore = longOf("SELECT COUNT(*) FROM audit_log WHERE action = 'access'");
        long logBefore = refusedLines();

        String t001 = sessions.get("t001");
        assertEquals(403, http.get("/admin/users.xhtml", t001).status());
        assertEquals(403, http.get("/hr/export/completions?format=csv", t001).status());
        // A record refusal from a service: trainer2 opens trainer1's group.
        String trainer2 = http.signIn("trainer2", "servicecraft-demo");
        RawHttp.Response group = http.get("/trainer/group.xhtml?id=" + groupId, trainer2);
        assertTrue(group.status() == 403 || "/error/403.xhtml".equals(group.location()), group.status() + " " + group.location());
        assertEquals(400, http.get("/resources/../admin/users.xhtml", null).status());
        assertEquals(404, http.get("/no-such-page.xhtml", t040).status());
        assertEquals(302, http.get("/hr/audit.xhtml", null).status());

        // Signed-in refusals are in the audit trail: two by the gate, one by the group service, one unlisted path.
        assertEquals(auditBefore + 4, longOf("SELECT COUNT(*) FROM audit_log WHERE action = 'access'"));
        List<String> rows = stringsOf("SELECT actor_name || ' ' || filters || ' ' || outcome FROM audit_log WHERE action = 'access'"
                + " ORDER BY id DESC LIMIT 4");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("t001 GET /admin/users.xhtml (needs one of [ADMIN]) refused 403")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("trainer2 GET /trainer/group.xhtml") && r.endsWith("refused 403")), rows.toString());
        // Every refusal, anonymous ones included, is one REFUSED line in the server log.
        waitFor(() -> refusedLines() >= logBefore + 6);
        String log = server.output();
        assertTrue(log.contains("REFUSED 400 GET /resources/../admin/users.xhtml by anonymous"), "who, what and why in the log");
        assertTrue(log.contains("REFUSED 404 GET /no-such-page.xhtml by t040"));
    }

    @Test
    void everyPageHasExactlyOnePolicyAlsoTheWelcomePathAndErrorPages() throws Exception {
        for (String path : List.of("/", "/index.xhtml", "/no-such-page", "/admin/users.xhtml", "/resources/../x")) {
            RawHttp.Response res = http.get(path, sessions.get("t001"));
            String policy = String.valueOf(res.header("content-security-policy"));
            assertFalse(policy.contains("\n"), path + " has two policies: " + policy);
            assertTrue(policy.startsWith("default-src 'self'") && policy.contains("'nonce-"), path + ": " + policy);
        }
        assertEquals(SecurityHeadersFilter.NON_FACES_POLICY, http.get("/health", null).header("content-security-policy"));
    }

    @Test
    void forwardedHeadersAreIgnoredWithoutTheSetting() throws Exception {
        RawHttp.Response res = http.get("/login.xhtml", null, "X-Forwarded-Proto: https", "Forwarded: proto=https");
        assertTrue(res.header("strict-transport-security") == null, "a client cannot claim https itself");
        String cookie = res.cookies().stream().filter(c -> c.startsWith(RawHttp.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertFalse(cookie.contains("Secure"), cookie);
    }

    @Test
    void theSessionCookieAndTheHeadersDoNotNameTheStack() throws Exception {
        RawHttp.Response login = http.get("/login.xhtml", null);
        String cookie = login.cookies().stream().filter(c -> c.startsWith("SC_SESSION=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        assertFalse(login.headers().toString().contains("JSESSIONID"));
        for (String path : List.of("/login.xhtml", "/no-such-page", "/resources/css/app.css", "/health", "/admin/users.xhtml")) {
            RawHttp.Response res = http.get(path, sessions.get("t001"));
            assertTrue(res.header("server") == null, path + " Server: " + res.header("server"));
            assertTrue(res.header("x-powered-by") == null, path + " X-Powered-By: " + res.header("x-powered-by"));
            assertNoLeak(path, res);
        }
        // A request Jetty itself rejects, before the application sees it.
        RawHttp.Response bad = http.get("/resources/%2e%2e/WEB-INF/web.xml", null);
        assertEquals(400, bad.status());
        assertNoLeak("jetty's own 400", bad);
    }

    private static void assertNoLeak(String raw, RawHttp.Response res) {
        String body = res.body().toLowerCase(java.util.Locale.ROOT);
        assertFalse(body.contains("jetty") || body.contains(".java:") || body.contains("caused by") || body.contains("/work/")
                || body.contains("/tmp/") || body.contains("webapp"), raw + " leaks: " + res.body());
        assertTrue(res.header("server") == null, raw + " Server: " + res.header("server"));
    }

    private static long refusedLines() {
        return server.output().lines().filter(l -> l.contains("REFUSED ")).count();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = server.database(); PreparedStatement ps = c.prepareStatement(statement)) {
            assertEquals(1, ps.executeUpdate(), statement);
        }
    }

    private static long longOf(String query) throws Exception {
        try (Connection c = server.database(); PreparedStatement ps = c.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> stringsOf(String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = server.database(); PreparedStatement ps = c.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
