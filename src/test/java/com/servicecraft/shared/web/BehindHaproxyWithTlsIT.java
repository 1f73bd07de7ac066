package com.servicecraft.shared.web;

import com.servicecraft.testing.RawHttp;
import com.servicecraft.testing.TestServer;
import com.servicecraft.testing.TlsProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application behind a real TLS-terminating proxy (Debian's HAProxy, with a certificate the
 * test makes), configured as the README says: the proxy overwrites {@code X-Forwarded-Proto} and
 * the application runs with {@code SERVICECRAFT_TRUST_PROXY=true}. A client that speaks only https
 * to the proxy gets HSTS on every page, a session cookie marked {@code Secure}, and redirects
 * (closed page → sign-in, sign-in → home) that stay on https.
 * ({@code BehindATrustedProxyIT} checks the same with hand-made headers and no proxy.)
 */
class BehindHaproxyWithTlsIT {
    private static final String ADMIN_PASSWORD = "tea-and-river-stones-1";
    static TestServer app;
    static TlsProxy proxy;
    static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        TlsProxy.requireHaproxy();
        app = TestServer.withEnvironment(Map.of("SERVICECRAFT_ADMIN_PASSWORD", ADMIN_PASSWORD, "SERVICECRAFT_TRUST_PROXY", "true")).start();
        proxy = TlsProxy.inFrontOf(app);
        https = HttpClient.newBuilder().sslContext(proxy.sslContext()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theSignInPageOverHttpsSendsHstsAndASecureSessionCookie() throws Exception {
        HttpResponse<String> login = get("/login.xhtml", null);
        assertEquals(200, login.statusCode());
        assertHsts(login);
        String cookie = sessionCookieHeader(login).orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
        assertTrue(cookie.contains("; Secure") || cookie.contains(";Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(login.headers().firstValue("server").isEmpty(), "no Server header through the proxy either");
    }

    @Test
    void aClosedPageRedirectsToSignInOnHttps() throws Exception {
        HttpResponse<String> closed = get("/index.xhtml", null);
        assertEquals(302, closed.statusCode());
        assertHsts(closed);
        String location = closed.headers().firstValue("location").orElseThrow();
        assertStaysOnHttps(location);
        assertTrue(location.contains("/login.xhtml"), location);
        HttpResponse<String> followed = get(pathAndQuery(location), null);
        assertEquals(200, followed.statusCode(), "the sign-in page the redirect names opens over https");
    }

    @Test
    void signingInRedirectsToTheHomePageOnHttpsWithASecureCookie() throws Exception {
        HttpResponse<String> form = get("/login.xhtml", null);
        String cookie = sessionCookieOf(form);
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(form.body());
        assertTrue(viewState.find(), form.body());
        String body = String.join("&", List.of("loginForm=loginForm", "loginForm:username=admin",
                "loginForm:password=" + enc(ADMIN_PASSWORD), "loginForm:signIn=", "jakarta.faces.ViewState=" + enc(viewState.group(1))));
        HttpResponse<String> signedIn = https.send(request("/login.xhtml", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String location = signedIn.headers().firstValue("location").orElseThrow();
        assertStaysOnHttps(location);
        assertFalse(location.contains("login.xhtml"), "signed in: " + location);
        String newCookie = sessionCookieHeader(signedIn).orElseThrow(() -> new AssertionError("a new session id at sign-in"));
        assertTrue(newCookie.contains("Secure"), newCookie);

        HttpResponse<String> home = get(pathAndQuery(location), sessionCookieOf(signedIn));
        assertEquals(200, home.statusCode());
        assertHsts(home);
        assertFalse(home.body().contains("loginForm:password"), "the signed-in page, not the sign-in form");
    }

    @Test
    void whatAClientClaimsAboutItsOwnConnectionIsOverwrittenByTheProxy() throws Exception {
        HttpResponse<String> res = https.send(request("/login.xhtml", null).header("X-Forwarded-Proto", "http")
                .header("Forwarded", "proto=http").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode());
        assertHsts(res);
    }

    private static HttpResponse<String> get(String path, String sessionCookie) throws Exception {
        return https.send(request(path, sessionCookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String sessionCookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path)).header("Accept-Language", "en")
                .timeout(Duration.ofSeconds(60));
        if (sessionCookie != null) {
            b.header("Cookie", RawHttp.SESSION_COOKIE + "=" + sessionCookie);
        }
        return b;
    }

    private static URI resolve(String location) {
        return URI.create(proxy.baseUrl() + "/").resolve(location);
    }

    private static String pathAndQuery(String location) {
        URI target = resolve(location);
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    private static void assertHsts(HttpResponse<?> res) {
        String hsts = res.headers().firstValue("strict-transport-security").orElse(null);
        assertTrue(hsts != null && hsts.startsWith("max-age=31536000"), "HSTS on " + res.uri() + ": " + res.headers().map());
    }

    /** A relative redirect keeps the scheme the browser used; an absolute one must name https and the proxy. */
    private static void assertStaysOnHttps(String location) {
        URI target = resolve(location);
        assertEquals("https", target.getScheme(), location);
        assertEquals(URI.create(proxy.baseUrl()).getPort(), target.getPort(), location);
    }

    private static Optional<String> sessionCookieHeader(HttpResponse<?> res) {
        return res.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(RawHttp.SESSION_COOKIE + "=")).findFirst();
    }

    private static String sessionCookieOf(HttpResponse<?> res) {
        String header = sessionCookieHeader(res).orElseThrow(() -> new AssertionError("no session cookie: " + res.headers().map()));
        return header.substring(RawHttp.SESSION_COOKIE.length() + 1).split(";", 2)[0];
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
