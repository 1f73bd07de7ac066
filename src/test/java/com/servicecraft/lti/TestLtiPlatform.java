package com.servicecraft.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An LTI 1.3 platform for tests, as the specifications describe one: its own RSA key and public key
 * set ({@code /jwks}), the start of a launch (third-party login initiation to the tool, {@code /start}),
 * the OIDC authentication endpoint ({@code /auth}) that answers with a signed id_token auto-posted
 * (form_post) to the tool's redirect URI, and a course page that embeds the tool in an iframe
 * ({@code /course}). A launch is a {@link Scenario}; its {@link Fault}s make the bad tokens a tool must refuse.
 * It listens on {@code localhost}, so that a tool on 127.0.0.1 is another site (a third-party frame).
 */
public final class TestLtiPlatform implements AutoCloseable {
    public static final String CLIENT_ID = "servicecraft-test-client";
    public static final String DEPLOYMENT_ID = "deployment-1";

    /** What a bad platform (or an attacker) gets wrong. */
    public enum Fault {
        /** Signed with a key that is not in the platform's key set. */
        OTHER_KEY,
        /** exp and iat an hour ago. */
        EXPIRED,
        /** aud is another client. */
        WRONG_AUDIENCE,
        /** No nonce claim. */
        NO_NONCE,
        /** A claim changed after signing (the signature no longer matches). */
        TAMPERED,
        /** A deployment id the tool does not know. */
        UNKNOWN_DEPLOYMENT,
        /** iss is another platform's. */
        WRONG_ISSUER
    }

    /** One person's launch from one placement. */
    public static final class Scenario {
        String subject = "user-1";
        String name = "Wang Fang";
        String email = "wang.fang@example.com";
        List<String> roles = List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
        String locale = "zh-CN";
        String contextId = "course-101";
        String contextTitle = "Customer Service 101";
        String resourceLinkId = "link-1";
        String target;
        String messageType = "LtiResourceLinkRequest";
        Set<Fault> faults = EnumSet.noneOf(Fault.class);

        public Scenario subject(String s) { subject = s; return this; }
        public Scenario name(String s) { name = s; return this; }
        public Scenario locale(String s) { locale = s; return this; }
        public Scenario context(String id, String title) { contextId = id; contextTitle = title; return this; }
        public Scenario resourceLink(String id) { resourceLinkId = id; return this; }
        public Scenario target(String t) { target = t; return this; }
        public Scenario roles(String... r) { roles = List.of(r); return this; }
        public Scenario instructor() { return roles("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"); }
        public Scenario deepLinking() { messageType = "LtiDeepLinkingRequest"; return this; }
        public Scenario fault(Fault f) { faults.add(f); return this; }
    }

    public static Scenario aLearner(String subject) {
        return new Scenario().subject(subject);
    }

    public static Scenario anInstructor(String subject) {
        return new Scenario().subject(subject).name("Li Lei").instructor();
    }

    private final HttpServer server;
    private final String host;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final Clock clock;
    private final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String toolBase;
    /** Every id_token this platform issued, last first (tests replay them). */
    private final List<String> issued = java.util.Collections.synchronizedList(new ArrayList<>());

    public TestLtiPlatform(Clock clock) throws IOException {
        this(clock, "localhost");
    }

    /** A platform at http://{host}:{free port}. */
    public TestLtiPlatform(Clock clock, String host) throws IOException {
        this.clock = clock;
        this.host = host;
        try {
            key = new RSAKeyGenerator(2048).keyID("platform-key-1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            otherKey = new RSAKeyGenerator(2048).keyID("platform-key-1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        server.createContext("/jwks", ex -> send(ex, 200, "application/json", new JWKSet(key).toPublicJWKSet().toString()));
        server.createContext("/start", this::start);
        server.createContext("/auth", this::auth);
        server.createContext("/course", this::course);
        server.createContext("/deep-link-return", this::deepLinkReturn);
        server.createContext("/token", this::token);
        server.createContext("/ags/", this::ags);
        server.createContext("/nrps/", this::nrps);
        server.start();
    }

    public String issuer() {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    public String jwksUrl() {
        return issuer() + "/jwks";
    }

    public String authUrl() {
        return issuer() + "/auth";
    }

    /** The tool's base URL (e.g. {@code http://127.0.0.1:8080}), where launches go. */
    public TestLtiPlatform tool(String base) {
        this.toolBase = base;
        return this;
    }

    /** Registers this platform in the tool's database as an administrator would; returns its id. */
    public long registerIn(Connection c, boolean enabled) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lti_platform (name, issuer, client_id, auth_url, token_url, jwks_url,"
                + " enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setString(1, "Test LMS " + server.getAddress().getPort());
            ps.setString(2, issuer());
            ps.setString(3, CLIENT_ID);
            ps.setString(4, authUrl());
            ps.setString(5, issuer() + "/token");
            ps.setString(6, jwksUrl());
            ps.setBoolean(7, enabled);
            ps.setTimestamp(8, now);
            ps.setTimestamp(9, now);
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            try (PreparedStatement d = c.prepareStatement("INSERT INTO lti_deployment (platform_id, deployment_id) VALUES (?, ?)")) {
                d.setLong(1, id);
                d.setString(2, DEPLOYMENT_ID);
                d.executeUpdate();
            }
            return id;
        }
    }

    /** Remembers a launch; its id goes as lti_message_hint through the login initiation. */
    public String scenario(Scenario s) {
        String id = "s" + ids.incrementAndGet();
        scenarios.put(id, s);
        return id;
    }

    /** The URL that starts a launch in a window: the platform's link to the tool. */
    public String startUrl(Scenario s) {
        return issuer() + "/start?scenario=" + scenario(s);
    }

    /** A course page of the platform that shows the tool in an iframe. */
    public String coursePageUrl(Scenario s) {
        return issuer() + "/course?scenario=" + scenario(s);
    }

    /** The parameters of a login initiation, as the platform sends them to the tool. */
    public Map<String, String> loginInitiation(String scenarioId) {
        Scenario s = scenarios.get(scenarioId);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("iss", issuer());
        p.put("login_hint", s.subject);
        p.put("target_link_uri", toolBase + "/lti/launch" + (s.target == null ? "" : "?target=" + URLEncoder.encode(s.target, StandardCharsets.UTF_8)));
        p.put("lti_message_hint", scenarioId);
        p.put("client_id", CLIENT_ID);
        p.put("lti_deployment_id", DEPLOYMENT_ID);
        return p;
    }

    /**
     * The authentication request the tool answers this platform's login initiation with (its query:
     * state, nonce, redirect_uri …), as the browser would carry it to {@code /auth}.
     */
    public Map<String, String> authenticationRequest(LtiLaunchService tool, Scenario s, String toolUrl) throws LaunchRefused {
        String url = tool.initiate(loginInitiation(scenario(s)), toolUrl + "/lti/launch").url();
        Map<String, String> q = new HashMap<>();
        for (String pair : java.net.URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    /** A whole launch of {@code s} into the tool: login initiation, then the id_token for its nonce with its state. */
    public LtiLaunchService.Landing launchInto(LtiLaunchService tool, Scenario s, String toolUrl) throws LaunchRefused {
        Map<String, String> q = authenticationRequest(tool, s, toolUrl);
        return tool.launch(q.get("state"), idToken(s, q.get("nonce")));
    }

    /** The id_token of a scenario for this nonce, signed (or spoiled) as its faults say. */
    public String idToken(Scenario s, String nonce) {
        Instant now = clock.instant();
        Instant iat = s.faults.contains(Fault.EXPIRED) ? now.minus(Duration.ofHours(1)) : now;
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder()
                .issuer(s.faults.contains(Fault.WRONG_ISSUER) ? "https://other-platform.example.com" : issuer())
                .subject(s.subject)
                .audience(s.faults.contains(Fault.WRONG_AUDIENCE) ? "another-tool" : CLIENT_ID)
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(iat.plus(Duration.ofMinutes(5))))
                .claim("name", s.name).claim("email", s.email)
                .claim(LaunchValidator.LTI + "message_type", s.messageType)
                .claim(LaunchValidator.LTI + "version", "1.3.0")
                .claim(LaunchValidator.LTI + "deployment_id", s.faults.contains(Fault.UNKNOWN_DEPLOYMENT) ? "deployment-x" : DEPLOYMENT_ID)
                .claim(LaunchValidator.LTI + "target_link_uri", toolBase + "/lti/launch")
                .claim(LaunchValidator.LTI + "roles", s.roles)
                .claim(LaunchValidator.LTI + "context", Map.of("id", s.contextId, "title", s.contextTitle, "label", "CS101"))
                .claim(LaunchValidator.LTI + "launch_presentation", Map.of("locale", s.locale, "document_target", "iframe"))
                .claim(LaunchValidator.NRPS, Map.of("context_memberships_url", issuer() + "/nrps/" + s.contextId,
                        "service_versions", List.of("2.0")))
                .claim(LaunchValidator.AGS, Map.of("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                        "https://purl.imsglobal.org/spec/lti-ags/scope/score"), "lineitems", issuer() + "/ags/" + s.contextId + "/lineitems"));
        if (!s.faults.contains(Fault.NO_NONCE)) {
            c.claim("nonce", nonce);
        }
        if (s.messageType.equals("LtiResourceLinkRequest")) {
            c.claim(LaunchValidator.LTI + "resource_link", Map.of("id", s.resourceLinkId, "title", "Module " + s.resourceLinkId));
            c.claim(LaunchValidator.AGS, Map.of("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                    "https://purl.imsglobal.org/spec/lti-ags/scope/score"), "lineitems", issuer() + "/ags/" + s.contextId + "/lineitems",
                    "lineitem", lineItemUrl(s.contextId, s.resourceLinkId)));
        } else {
            c.claim(LaunchValidator.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", issuer() + "/deep-link-return",
                    "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets", List.of("iframe", "window")));
        }
        if (s.target != null) {
            c.claim(LaunchValidator.LTI + "custom", Map.of(LaunchTarget.CUSTOM_PARAMETER, s.target));
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    c.build());
            jwt.sign(new RSASSASigner(s.faults.contains(Fault.OTHER_KEY) ? otherKey : key));
            String token = jwt.serialize();
            if (s.faults.contains(Fault.TAMPERED)) {
                token = tamper(token, s.subject, "admin-" + s.subject);
            }
            issued.add(0, token);
            return token;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces a claim's value in the signed payload, keeping the signature (which then no longer matches). */
    static String tamper(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(from, to);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    public List<String> issuedTokens() {
        return List.copyOf(issued);
    }

    private void start(HttpExchange ex) throws IOException {
        String scenario = query(ex).get("scenario");
        StringBuilder url = new StringBuilder(toolBase).append("/lti/login?");
        loginInitiation(scenario).forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        ex.getResponseHeaders().add("Location", url.substring(0, url.length() - 1));
        send(ex, 302, "text/plain", "");
    }

    /** The OIDC authentication endpoint: checks the request as a platform does, then form-posts the id_token. */
    private void auth(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex);
        Scenario s = scenarios.get(String.valueOf(q.get("lti_message_hint")));
        String redirect = q.get("redirect_uri");
        boolean ok = s != null && CLIENT_ID.equals(q.get("client_id")) && "id_token".equals(q.get("response_type"))
                && "form_post".equals(q.get("response_mode")) && "openid".equals(q.get("scope")) && "none".equals(q.get("prompt"))
                && s.subject.equals(q.get("login_hint")) && (toolBase + "/lti/launch").equals(redirect) && q.get("state") != null
                && q.get("nonce") != null;
        if (!ok) {
            send(ex, 400, "text/plain", "bad authentication request: " + q);
            return;
        }
        String token = idToken(s, q.get("nonce"));
        String html = "<!DOCTYPE html><html><head><title>Test LMS</title></head><body>"
                + "<form id=\"launch\" method=\"post\" action=\"" + redirect + "\">"
                + "<input type=\"hidden\" name=\"id_token\" value=\"" + token + "\"/>"
                + "<input type=\"hidden\" name=\"state\" value=\"" + q.get("state") + "\"/>"
                + "<noscript><button type=\"submit\">Continue</button></noscript></form>"
                + "<script>document.getElementById('launch').submit();</script></body></html>";
        send(ex, 200, "text/html; charset=UTF-8", html);
    }

    private void course(HttpExchange ex) throws IOException {
        String scenario = query(ex).get("scenario");
        String html = "<!DOCTYPE html><html><head><title>Test LMS course</title></head><body><h1>Test LMS course</h1>"
                + "<iframe id=\"tool\" title=\"Servicecraft\" style=\"width:100%;height:700px\" src=\"/start?scenario=" + scenario
                + "\" allow=\"fullscreen\"></iframe></body></html>";
        send(ex, 200, "text/html; charset=UTF-8", html);
    }

    /** The content items of every deep-linking response whose signature checked out against the tool's key set. */
    public List<Map<String, Object>> receivedContentItems() {
        return List.copyOf(received);
    }

    private final List<Map<String, Object>> received = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * The deep_link_return_url: checks the tool's LtiDeepLinkingResponse as a platform does (signature
     * against the tool's public key set, iss = client id, aud = this issuer, message type, deployment) and shows what came.
     */
    @SuppressWarnings("unchecked")
    private void deepLinkReturn(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String jwt = null;
        for (String pair : body.split("&")) {
            if (pair.startsWith("JWT=")) {
                jwt = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
            }
        }
        try {
            com.nimbusds.jwt.proc.DefaultJWTProcessor<com.nimbusds.jose.proc.SecurityContext> p = new com.nimbusds.jwt.proc.DefaultJWTProcessor<>();
            p.setJWSKeySelector(new com.nimbusds.jose.proc.JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                    com.nimbusds.jose.jwk.source.JWKSourceBuilder.create(java.net.URI.create(toolBase + "/lti/jwks").toURL()).build()));
            p.setJWTClaimsSetVerifier(new com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier<>(issuer(),
                    new JWTClaimsSet.Builder().issuer(CLIENT_ID).claim(LaunchValidator.LTI + "message_type", "LtiDeepLinkingResponse")
                            .claim(LaunchValidator.LTI + "deployment_id", DEPLOYMENT_ID).build(), Set.of("exp", "iat", "nonce")));
            JWTClaimsSet claims = p.process(jwt, null);
            List<Object> items = (List<Object>) claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
            StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><title>Test LMS</title></head><body><ul id=\"received\">");
            for (Object i : items) {
                Map<String, Object> item = (Map<String, Object>) i;
                received.add(item);
                page.append("<li>").append(((Map<String, Object>) item.get("custom")).get(LaunchTarget.CUSTOM_PARAMETER)).append("</li>");
            }
            send(ex, 200, "text/html; charset=UTF-8", page.append("</ul></body></html>").toString());
        } catch (Exception e) {
            send(ex, 400, "text/plain", "bad deep-linking response: " + e);
        }
    }

    // ---- Assignment and Grade Services: the token endpoint and the line items' score endpoints ----

    /** A score as the platform received it: the line item's scores URL (path and query) and the JSON body. */
    public record ReceivedScore(String scoresUrl, Map<String, Object> score) {
    }

    private record IssuedToken(String scope, Instant expires) {
    }

    private final Map<String, IssuedToken> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> usedJti = ConcurrentHashMap.newKeySet();
    private final List<ReceivedScore> scores = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger refusedScores = new AtomicInteger();
    private volatile boolean down;
    private volatile java.util.function.Supplier<JWKSet> toolKeys;

    /** The line item of a resource link, with a query string as some platforms have (the scores URL must keep it). */
    public String lineItemUrl(String contextId, String resourceLinkId) {
        return issuer() + "/ags/" + contextId + "/lineitems/" + resourceLinkId + "/lineitem?type_id=7";
    }

    public String tokenUrl() {
        return issuer() + "/token";
    }

    /** Where the tool's public keys come from (default: the tool's /lti/jwks), for tests without a running tool. */
    public TestLtiPlatform toolKeys(java.util.function.Supplier<JWKSet> keys) {
        this.toolKeys = keys;
        return this;
    }

    /** While down, the score endpoints answer 503 (a platform in maintenance). */
    public void down(boolean isDown) {
        this.down = isDown;
    }

    public List<ReceivedScore> receivedScores() {
        return List.copyOf(scores);
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Score requests answered with an error (down, bad token, bad media type). */
    public int refusedScores() {
        return refusedScores.get();
    }

    /**
     * The OAuth 2.0 token endpoint (client credentials with a JWT assertion, IMS Security Framework §4.1):
     * the assertion must be signed by a key in the tool's key set, iss = sub = the client id, aud = this
     * URL, unexpired, with a jti never seen before. Answers a bearer token for the requested scopes.
     */
    private void token(HttpExchange ex) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"POST".equals(ex.getRequestMethod()) || !"client_credentials".equals(form.get("grant_type"))
                || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))
                || form.get("scope") == null) {
            send(ex, 400, "application/json", "{\"error\":\"invalid_request\"}");
            return;
        }
        try {
            com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext> source = toolKeys != null
                    ? new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(toolKeys.get())
                    : com.nimbusds.jose.jwk.source.JWKSourceBuilder.create(java.net.URI.create(toolBase + "/lti/jwks").toURL()).build();
            com.nimbusds.jwt.proc.DefaultJWTProcessor<com.nimbusds.jose.proc.SecurityContext> p = new com.nimbusds.jwt.proc.DefaultJWTProcessor<>();
            p.setJWSKeySelector(new com.nimbusds.jose.proc.JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
            p.setJWTClaimsSetVerifier(new com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier<>(tokenUrl(),
                    new JWTClaimsSet.Builder().issuer(CLIENT_ID).subject(CLIENT_ID).build(), Set.of("exp", "iat", "jti")));
            JWTClaimsSet claims = p.process(form.get("client_assertion"), null);
            if (!usedJti.add(claims.getJWTID())) {
                throw new IllegalArgumentException("jti used before");
            }
        } catch (Exception e) {
            send(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = java.util.UUID.randomUUID().toString();
        accessTokens.put(token, new IssuedToken(form.get("scope"), clock.instant().plusSeconds(3600)));
        send(ex, 200, "application/json", "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"scope\":\"" + form.get("scope") + "\"}");
    }

    /** A line item's score endpoint: a bearer token with the score scope, the score media type; records the score. */
    private void ags(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(ex.getRequestMethod()) || !path.endsWith("/lineitem/scores")) {
            send(ex, 404, "text/plain", "not here");
            return;
        }
        if (down) {
            refusedScores.incrementAndGet();
            send(ex, 503, "text/plain", "down for maintenance");
            return;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        IssuedToken t = auth == null || !auth.startsWith("Bearer ") ? null : accessTokens.get(auth.substring(7));
        if (t == null || t.expires().isBefore(clock.instant())
                || !List.of(t.scope().split(" ")).contains("https://purl.imsglobal.org/spec/lti-ags/scope/score")) {
            refusedScores.incrementAndGet();
            send(ex, 401, "text/plain", "bad token");
            return;
        }
        if (!"application/vnd.ims.lis.v1.score+json".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
            refusedScores.incrementAndGet();
            send(ex, 415, "text/plain", "score media type expected");
            return;
        }
        try {
            scores.add(new ReceivedScore(ex.getRequestURI().toString(), com.nimbusds.jose.util.JSONObjectUtils.parse(body)));
        } catch (java.text.ParseException e) {
            send(ex, 400, "text/plain", "not JSON");
            return;
        }
        send(ex, 200, "application/json", "{}");
    }

    // ---- Names and Role Provisioning: the context membership service, in pages ----

    /** A member of a context as the membership service lists it. */
    public record Member(String userId, String name, String email, String status, List<String> roles) {
        public static Member learner(String userId, String name) {
            return new Member(userId, name, userId + "@example.com", "Active", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
        }
    }

    private final Map<String, List<Member>> rosters = new ConcurrentHashMap<>();
    private final AtomicInteger membershipPages = new AtomicInteger();
    /** Members per page of the membership container. */
    public static final int PAGE_SIZE = 2;

    public void roster(String contextId, List<Member> members) {
        rosters.put(contextId, List.copyOf(members));
    }

    public int membershipPagesServed() {
        return membershipPages.get();
    }

    /**
     * The context membership service: a bearer token with the contextmembership.readonly scope, the
     * membership container media type; {@value #PAGE_SIZE} members a page, the next page in a Link header.
     */
    private void nrps(HttpExchange ex) throws IOException {
        String contextId = ex.getRequestURI().getRawPath().substring("/nrps/".length());
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        IssuedToken t = auth == null || !auth.startsWith("Bearer ") ? null : accessTokens.get(auth.substring(7));
        if (t == null || t.expires().isBefore(clock.instant())
                || !List.of(t.scope().split(" ")).contains("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly")) {
            send(ex, 401, "text/plain", "bad token");
            return;
        }
        membershipPages.incrementAndGet();
        List<Member> all = rosters.getOrDefault(contextId, List.of());
        int page = Integer.parseInt(query(ex).getOrDefault("page", "0"));
        int from = Math.min(page * PAGE_SIZE, all.size());
        int to = Math.min(from + PAGE_SIZE, all.size());
        List<Object> members = new ArrayList<>();
        for (Member m : all.subList(from, to)) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("user_id", m.userId());
            j.put("name", m.name());
            j.put("email", m.email());
            j.put("status", m.status());
            j.put("roles", m.roles());
            members.add(j);
        }
        if (to < all.size()) {
            ex.getResponseHeaders().add("Link", "<" + issuer() + "/nrps/" + contextId + "?page=" + (page + 1) + ">; rel=\"next\"");
        }
        send(ex, 200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", com.nimbusds.jose.util.JSONObjectUtils.toJSONString(
                Map.of("id", issuer() + "/nrps/" + contextId, "context", Map.of("id", contextId), "members", members)));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new HashMap<>();
        String q = ex.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
