package com.servicecraft.identity;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signIn;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in safely, against the demo organisation. */
class SignInSecurityIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_ADMIN_PASSWORD", "admin-password-1")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWrongPasswordGetsTheNeutralMessageAndTheSixthRapidFailureIsThrottled() throws Exception {
        try (Browser b = new Browser(server, "en")) {
            signIn(b, "t001", "not-the-password");
            assertTrue(b.pageText().contains("The user name or password is not correct."));
            signIn(b, "no-such-person", "not-the-password");
            assertTrue(b.pageText().contains("The user name or password is not correct."), "unknown user: the same message");

            for (int i = 0; i < 4; i++) {
                signIn(b, "t002", "wrong-" + i);
            }
            signIn(b, "t002", "wrong-5");
            assertTrue(b.pageText().contains("The user name or password is not correct."));
            signIn(b, "t002", "servicecraft-demo");
            assertTrue(b.pageText().contains("Too many failed attempts"), "the 6th attempt is throttled, even with the right password");
            assertEquals("/login.xhtml", b.path().substring(0, 12));
        }
    }

    @Test
    void theSessionIdChangesAtSignInAndTheCookieIsHttpOnly() throws Exception {
        try (Browser b = new Browser(server, "en")) {
            b.open("/login.xhtml");
            Cookie before = b.driver().manage().getCookieNamed("SC_SESSION");
            signInAs(b, "t003");
            Cookie after = b.driver().manage().getCookieNamed("SC_SESSION");
            assertTrue(after.isHttpOnly());
            assertEquals("Lax", after.getSameSite());
            if (before != null) {
                assertNotEquals(before.getValue(), after.getValue());
            }
        }
    }

    @Test
    void aTraineeGets403OnAdminPagesAndEndpoints() throws Exception {
        try (Browser b = new Browser(server, "en")) {
            signInAs(b, "t004");
            String cookie = b.driver().manage().getCookieNamed("SC_SESSION").getValue();
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            for (String path : new String[]{"/admin/users.xhtml", "/admin/import.xhtml", "/admin/import-template.csv", "/hr/completions.xhtml"}) {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Cookie", "SC_SESSION=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(403, res.statusCode(), path);
                assertFalse(res.body().contains(".java:") || res.body().contains("Caused by"), "no stack trace on the error page");
            }
            b.open("/admin/users.xhtml");
            assertTrue(b.pageText().contains("无权访问"), "shown in the trainee's own language");
        }
    }

    @Test
    void anAnonymousRequestToAnyPageIsSentToLogin() throws Exception {
        for (String path : new String[]{"/index.xhtml", "/admin/users.xhtml", "/account/password.xhtml", "/admin/import-template.csv"}) {
            HttpResponse<String> res = server.get(path);
            assertEquals(302, res.statusCode(), path);
            assertTrue(res.headers().firstValue("Location").orElse("").contains("/login.xhtml?next="), path);
        }
        HttpResponse<String> health = server.get("/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\" : \"UP\""), health.body());
    }

    @Test
    void anAdministratorSeesTheDemoTrainees() throws Exception {
        try (Browser b = new Browser(server, "en")) {
            signIn(b, "admin", "admin-password-1");
            b.waitForPath("/index.xhtml");
            b.open("/admin/users.xhtml");
            b.type("usersForm:query", "t04");
            b.waitForText("t040");
            assertTrue(b.pageText().contains("E0040"));
        }
    }
}
