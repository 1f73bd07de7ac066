package com.servicecraft.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for the LTI Advantage services of a platform, obtained by the OAuth 2.0
 * client-credentials grant with a signed JWT assertion (IMS Security Framework 1.0 §4.1: iss = sub
 * = the client id, aud = the platform's token URL, a short exp and a unique jti, signed with the
 * tool's current key). Cached in this node's memory until shortly before they expire: only an
 * optimisation, so nodes do not share them. Never logged.
 */
public class ServiceTokens {
    /** Assertions live this long; tokens are used until this long before their expiry. */
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    /** The token endpoint refused or answered nonsense. */
    public static final class TokenException extends IOException {
        private static final long serialVersionUID = 1L;

        TokenException(String message) {
            super(message);
        }
    }

    private record Cached(String token, Instant until) {
    }

    private final ToolKeys keys;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ServiceTokens(ToolKeys keys, Clock clock, HttpClient http) {
        this.keys = keys;
        this.clock = clock;
        this.http = http;
    }

    /** A bearer token for {@code scope} at this platform, from the cache or fresh. */
    public String token(LtiPlatform platform, String scope) throws IOException, InterruptedException {
        String key = platform.id() + " " + scope;
        Instant now = clock.instant();
        Cached c = cache.get(key);
        if (c != null && c.until().isAfter(now)) {
            return c.token();
        }
        if (platform.tokenUrl() == null || platform.tokenUrl().isBlank()) {
            throw new TokenException("the platform has no token URL");
        }
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + enc(assertion(platform, now))
                + "&scope=" + enc(scope);
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.tokenUrl())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new TokenException("token endpoint answered HTTP " + response.statusCode());
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(response.body());
            String token = JSONObjectUtils.getString(json, "access_token");
            if (token == null || token.isBlank()) {
                throw new TokenException("token endpoint answered without access_token");
            }
            long seconds = json.get("expires_in") instanceof Number n ? n.longValue() : 3600L;
            Instant until = now.plusSeconds(seconds).minus(EXPIRY_MARGIN);
            if (until.isAfter(now)) {
                cache.put(key, new Cached(token, until));
            }
            return token;
        } catch (ParseException e) {
            throw new TokenException("token endpoint answered something that is not JSON");
        }
    }

    /** Drops a cached token the platform no longer accepts (an HTTP 401). */
    public void forget(LtiPlatform platform, String scope) {
        cache.remove(platform.id() + " " + scope);
    }

    String assertion(LtiPlatform platform, Instant now) {
        RSAKey key = keys.signingKey();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(platform.clientId()).subject(platform.clientId())
                .audience(platform.tokenUrl()).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString()).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the client assertion", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
