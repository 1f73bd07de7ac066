package com.servicecraft.shared.web;

import com.servicecraft.testing.RawHttp;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application behind a TLS-terminating proxy that the operator declared trusted
 * (SERVICECRAFT_TRUST_PROXY=true): requests the proxy marks https get HSTS, a Secure session
 * cookie and redirects that stay on https. (Without the setting the headers are ignored:
 * {@code AccessControlIT.forwardedHeadersAreIgnoredWithoutTheSetting}.)
 */
class BehindATrustedProxyIT {
    private static final String HTTPS = "X-Forwarded-Proto: https";
    static TestServer server;
    static RawHttp http;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_TRUST_PROXY", "true")).start();
        http = new RawHttp(server);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anHttpsRequestGetsHstsASecureCookieAndAnHttpsRedirect() throws Exception {
        RawHttp.Response login = http.get("/login.xhtml", null, HTTPS);
        assertEquals(200, login.status());
        assertTrue(String.valueOf(login.header("strict-transport-security")).startsWith("max-age=31536000"), login.headers().toString());
        String cookie = login.cookies().stream().filter(c -> c.startsWith(RawHttp.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);

        RawHttp.Response closed = http.get("/index.xhtml", null, HTTPS);
        assertEquals(302, closed.status());
        assertKeepsHttps(closed.location());

        http.signIn("t001", "servicecraft-demo", HTTPS);
        RawHttp.Response signedIn = http.lastSignIn();
        assertKeepsHttps(signedIn.location());
        assertTrue(signedIn.cookies().stream().filter(c -> c.startsWith(RawHttp.SESSION_COOKIE + "=")).allMatch(c -> c.contains("Secure")));
    }

    @Test
    void theStandardForwardedHeaderCountsToo() throws Exception {
        RawHttp.Response res = http.get("/login.xhtml", null, "Forwarded: for=192.0.2.60;proto=https;host=learn.example.com");
        assertNotNull(res.header("strict-transport-security"), res.headers().toString());
    }

    @Test
    void aPlainHttpRequestGetsNoHsts() throws Exception {
        RawHttp.Response res = http.get("/login.xhtml", null);
        assertNull(res.header("strict-transport-security"));
        RawHttp.Response proxiedHttp = http.get("/login.xhtml", null, "X-Forwarded-Proto: http");
        assertNull(proxiedHttp.header("strict-transport-security"));
    }

    private static void assertKeepsHttps(String location) {
        assertNotNull(location);
        assertFalse(location.startsWith("http:"), location);
        assertTrue(location.startsWith("/") || location.startsWith("https://"), location);
    }
}
