package com.servicecraft.identity;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signIn;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static com.servicecraft.testing.BrowserTest.signOut;
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
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_ADMIN_PASSWORD", "tea-and-river-stones-1")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWrongPasswordGetsTheNeutralMessageAndAfterFiveFailuresTheNextAttemptMustWait() throws Exception {
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
            assertTrue(b.pageText().matches("(?s).*Too many attempts\\. Please wait \\d+ second\\(s\\).*"),
                    "the 6th attempt must wait, even with the right password: " + b.pageText());
            assertEquals("/login.xhtml", b.path().substring(0, 12));
        }
    }

    @Test
    void afterSignInTheBrowserStaysOnThisApplicationWhateverNextSays() throws Exception {
        String[] hostile = {"/.//evil.example/x", "/\t/evil.example", "//evil.example", "/\\evil.example",
                "https://evil.example/", "javascript:alert(1)", "/%2F%2Fevil.example", "/WEB-INF/web.xml"};
        try (Browser b = new Browser(server, "en")) {
            for (String next : hostile) {
                b.open("/login.xhtml?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                b.type("loginForm:username", "t005").type("loginForm:password", "servicecraft-demo").submit("loginForm:signIn");
                b.waitForPage();
                assertTrue(b.driver().getCurrentUrl().startsWith(server.baseUrl() + "/index.xhtml"),
                        next + " led to " + b.driver().getCurrentUrl());
                signOut(b);
            }
            b.open("/login.xhtml?next=" + URLEncoder.encode("/account/settings.xhtml", StandardCharsets.UTF_8));
            b.type("loginForm:username", "t005").type("loginForm:password", "servicecraft-demo").submit("loginForm:signIn");
            b.waitForPath("/account/settings.xhtml");
        }
    }

    @Test
    void apiBasicIsThrottledWith429AndRetryAfterWhileATokenNeverIs() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        java.util.function.Function<String, HttpRequest> catalog = auth -> HttpRequest.newBuilder(URI.create(server.url("/api/v1/catalog")))
                .header("Authorization", auth).build();
        String wrong = "Basic " + Base64.getEncoder().encodeToString("hr1:wrong-password".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.send(catalog.apply(wrong), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        String right = "Basic " + Base64.getEncoder().encodeToString("hr1:servicecraft-demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> throttled = http.send(catalog.apply(right), HttpResponse.BodyHandlers.ofString());
        assertEquals(429, throttled.statusCode(), throttled.body());
        int retryAfter = Integer.parseInt(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 15, "Retry-After " + retryAfter);
        assertTrue(throttled.body().contains("too_many_attempts"), throttled.body());

        HttpResponse<String> token = http.send(catalog.apply("Bearer sc_demo_hr1_api_token_for_trying_the_api"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), "the same person's API token is never locked out");
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
            signIn(b, "admin", "tea-and-river-stones-1");
            b.waitForPath("/index.xhtml");
            b.open("/admin/users.xhtml");
            b.type("usersForm:query", "t04");
            b.waitForText("t040");
            assertTrue(b.pageText().contains("E0040"));
        }
    }
}
