package com.servicecraft.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: one session (cookies) against a {@link TestServer}, raw GETs and form
 * posts, redirects not followed, so a test can replay, repeat or tamper with exactly what a page sends.
 */
public final class FacesHttp {
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\" id=\"[^\"]+\" value=\"([^\"]+)\"");

    private final TestServer server;
    private final HttpClient client;

    public FacesHttp(TestServer server) {
        this.server = server;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET, following redirects within the application, as a browser would. */
    public HttpResponse<String> open(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        for (int i = 0; i < 5 && r.statusCode() / 100 == 3; i++) {
            r = get(location(r));
        }
        return r;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return post(path, form, Map.of());
    }

    public HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the login form (the demo's trainees share the demo password). */
    public FacesHttp signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login.xhtml");
        HttpResponse<String> r = post("/login.xhtml", form("loginForm", viewState(page.body()), "loginForm:username", username,
                "loginForm:password", password, "loginForm:signIn", ""));
        if (r.statusCode() / 100 != 3) {
            throw new IllegalStateException("sign-in as " + username + " failed: " + r.statusCode());
        }
        return this;
    }

    /** A form post's fields: the form's own name, its view state, then name/value pairs. */
    public static Map<String, String> form(String formId, String viewState, String... pairs) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(formId, formId);
        for (int i = 0; i < pairs.length; i += 2) {
            f.put(pairs[i], pairs[i + 1]);
        }
        f.put("jakarta.faces.ViewState", viewState);
        return f;
    }

    public static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no view state in the page");
        }
        return m.group(1);
    }

    /** The redirect target as a path of this application. */
    public String location(HttpResponse<?> r) {
        String to = r.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("not a redirect: " + r.statusCode()));
        return to.startsWith(server.baseUrl()) ? to.substring(server.baseUrl().length()) : to;
    }
}
