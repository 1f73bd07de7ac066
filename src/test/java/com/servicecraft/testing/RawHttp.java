package com.servicecraft.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP/1.1 over a socket, the way {@code curl --path-as-is} sends it: the path goes out
 * byte for byte (dot segments, backslashes, encodings and all), which java.net clients would
 * refuse or normalise. Also signs a person in through the login form, without a browser.
 */
public final class RawHttp {
    public static final String SESSION_COOKIE = "SC_SESSION";

    /** A response: status, headers (names in lower case; repeated ones joined by "\n") and body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public List<String> cookies() {
            String all = header("set-cookie");
            return all == null ? List.of() : List.of(all.split("\n"));
        }

        public String location() {
            return header("location");
        }
    }

    private final TestServer server;
    private Response lastSignIn;

    public RawHttp(TestServer server) {
        this.server = server;
    }

    public Response get(String rawPath, String sessionCookie, String... extraHeaders) throws IOException {
        return send("GET", rawPath, sessionCookie, null, extraHeaders);
    }

    public Response send(String method, String rawPath, String sessionCookie, String formBody, String... extraHeaders) throws IOException {
        URIParts uri = new URIParts(server.baseUrl());
        try (Socket socket = new Socket(uri.host, uri.port)) {
            socket.setSoTimeout(60_000);
            StringBuilder req = new StringBuilder();
            req.append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
            req.append("Host: ").append(uri.host).append(':').append(uri.port).append("\r\n");
            req.append("Accept-Language: en\r\nConnection: close\r\n");
            if (sessionCookie != null) {
                req.append("Cookie: ").append(SESSION_COOKIE).append('=').append(sessionCookie).append("\r\n");
            }
            for (String h : extraHeaders) {
                req.append(h).append("\r\n");
            }
            byte[] body = formBody == null ? new byte[0] : formBody.getBytes(StandardCharsets.UTF_8);
            if (formBody != null) {
                req.append("Content-Type: application/x-www-form-urlencoded\r\n");
                req.append("Content-Length: ").append(body.length).append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Response parse(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + "\n" + b);
            }
        }
        byte[] bodyBytes = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            bodyBytes = unchunk(bodyBytes);
        }
        return new Response(status, headers, new String(bodyBytes, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = i;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeText = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    /** The value of the session cookie a response sets, or null. */
    public static String sessionCookieOf(Response res) {
        for (String c : res.cookies()) {
            if (c.startsWith(SESSION_COOKIE + "=")) {
                return c.substring(SESSION_COOKIE.length() + 1).split(";", 2)[0];
            }
        }
        return null;
    }

    /** Signs in through the login form (as a browser without JavaScript would) and returns the session cookie. */
    public String signIn(String username, String password, String... extraHeaders) throws IOException {
        Response form = get("/login.xhtml", null, extraHeaders);
        String cookie = sessionCookieOf(form);
        Matcher m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(form.body());
        if (cookie == null || !m.find()) {
            throw new IllegalStateException("no login form: " + form.status() + " " + form.body());
        }
        List<String> fields = new ArrayList<>(List.of("loginForm=loginForm", "loginForm:username=" + enc(username),
                "loginForm:password=" + enc(password), "loginForm:signIn=", "jakarta.faces.ViewState=" + enc(m.group(1))));
        Response signedIn = send("POST", "/login.xhtml", cookie, String.join("&", fields), extraHeaders);
        lastSignIn = signedIn;
        String after = sessionCookieOf(signedIn);
        if (signedIn.status() != 302 || after == null || signedIn.location().contains("login.xhtml")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + signedIn.status() + " " + signedIn.headers());
        }
        return after;
    }

    /** The answer to the last sign-in's form post (its redirect and cookies). */
    public Response lastSignIn() {
        return lastSignIn;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record URIParts(String host, int port) {
        URIParts(String baseUrl) {
            this(java.net.URI.create(baseUrl).getHost(), java.net.URI.create(baseUrl).getPort());
        }
    }
}
