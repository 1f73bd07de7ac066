package com.servicecraft.lti;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.servicecraft.lti.LaunchRefused.Reason;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an id_token of an LTI 1.3 launch completely (LTI Core 1.3 §5.1.3, IMS Security Framework
 * §5.1.3): the signature against the platform's key set (fetched, cached, fetched again when a
 * token names an unknown key id), the issuer, the audience and {@code azp}, expiry and issued-at
 * with {@link #CLOCK_SKEW}, the nonce of this launch's state, the deployment id, the message type
 * and version, and the claims Servicecraft needs. The JOSE work is Nimbus JOSE+JWT's; the clock is
 * the application's.
 */
public class LaunchValidator {
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** An id_token issued longer ago than this is refused even if its exp is later. */
    public static final Duration MAX_AGE = Duration.ofMinutes(10);

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

    private final Clock clock;
    private final Map<String, JWKSource<SecurityContext>> keySources = new ConcurrentHashMap<>();

    public LaunchValidator(Clock clock) {
        this.clock = clock;
    }

    /** The launch an id_token describes, for the platform and nonce of its state; refused otherwise. */
    public Launch validate(LtiPlatform platform, String expectedNonce, String idToken) throws LaunchRefused {
        if (!platform.enabled()) {
            throw new LaunchRefused(Reason.PLATFORM_DISABLED, "platform " + platform.id() + " is disabled", platform);
        }
        if (idToken == null || idToken.isBlank() || idToken.length() > 64_000) {
            throw new LaunchRefused(Reason.BAD_REQUEST, "no id_token", platform);
        }
        SignedJWT jwt;
        JWTClaimsSet unverified;
        try {
            jwt = SignedJWT.parse(idToken.trim());
            unverified = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LaunchRefused(Reason.BAD_TOKEN, "id_token is not a signed JWT: " + e.getMessage(), platform);
        }
        if (!platform.issuer().equals(unverified.getIssuer())) {
            throw new LaunchRefused(Reason.WRONG_ISSUER, "iss " + unverified.getIssuer() + " is not " + platform.issuer(), platform);
        }
        JWTClaimsSet claims = verifySignature(platform, jwt);
        checkAudience(platform, claims);
        checkTimes(platform, claims);
        String nonce = claims.getClaim("nonce") instanceof String n ? n : null;
        if (nonce == null || nonce.isBlank()) {
            throw new LaunchRefused(Reason.NONCE, "no nonce in the id_token", platform);
        }
        if (!nonce.equals(expectedNonce)) {
            throw new LaunchRefused(Reason.NONCE, "the nonce is not the one sent with this state", platform);
        }
        String deployment = string(claims, LTI + "deployment_id");
        if (!platform.hasDeployment(deployment)) {
            throw new LaunchRefused(Reason.UNKNOWN_DEPLOYMENT, "deployment " + deployment + " is not registered", platform);
        }
        if (!"1.3.0".equals(string(claims, LTI + "version"))) {
            throw new LaunchRefused(Reason.VERSION, "version " + string(claims, LTI + "version"), platform);
        }
        String type = string(claims, LTI + "message_type");
        if (!Launch.RESOURCE_LINK.equals(type) && !Launch.DEEP_LINKING.equals(type)) {
            throw new LaunchRefused(Reason.MESSAGE_TYPE, "message type " + type, platform);
        }
        return launch(platform, claims, type, deployment);
    }

    private JWTClaimsSet verifySignature(LtiPlatform platform, SignedJWT jwt) throws LaunchRefused {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512),
                keySource(platform.jwksUrl())));
        // The claims are checked below, against the application's clock and with a reason each.
        processor.setJWTClaimsSetVerifier(null);
        try {
            return processor.process(jwt, null);
        } catch (KeySourceException e) {
            throw new LaunchRefused(Reason.KEYS_UNAVAILABLE, "the platform's key set could not be read: " + e.getMessage(), platform);
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw new LaunchRefused(Reason.BAD_SIGNATURE, "signature: " + e.getMessage(), platform);
        }
    }

    private JWKSource<SecurityContext> keySource(String jwksUrl) throws LaunchRefused {
        JWKSource<SecurityContext> source = keySources.get(jwksUrl);
        if (source != null) {
            return source;
        }
        try {
            // Cached for 15 minutes; a token with an unknown key id fetches the set again (at most every 10 s).
            source = JWKSourceBuilder.<SecurityContext>create(URI.create(jwksUrl).toURL(), new DefaultResourceRetriever(5000, 5000, 256 * 1024))
                    .cache(Duration.ofMinutes(15).toMillis(), Duration.ofSeconds(15).toMillis())
                    .rateLimited(Duration.ofSeconds(10).toMillis())
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new LaunchRefused(Reason.KEYS_UNAVAILABLE, "bad key set URL " + jwksUrl);
        }
        JWKSource<SecurityContext> earlier = keySources.putIfAbsent(jwksUrl, source);
        return earlier != null ? earlier : source;
    }

    /** Forgets the cached key sets (an administrator changed a platform's key set URL). */
    public void forgetKeySets() {
        keySources.clear();
    }

    private static void checkAudience(LtiPlatform platform, JWTClaimsSet claims) throws LaunchRefused {
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(platform.clientId())) {
            throw new LaunchRefused(Reason.WRONG_AUDIENCE, "aud " + aud + " does not contain the client id " + platform.clientId(), platform);
        }
        Object azp = claims.getClaim("azp");
        if (aud.size() > 1 && azp == null) {
            throw new LaunchRefused(Reason.WRONG_AUDIENCE, "several audiences and no azp", platform);
        }
        if (azp != null && !platform.clientId().equals(azp)) {
            throw new LaunchRefused(Reason.WRONG_AUDIENCE, "azp " + azp + " is not the client id", platform);
        }
    }

    private void checkTimes(LtiPlatform platform, JWTClaimsSet claims) throws LaunchRefused {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            throw new LaunchRefused(Reason.MISSING_CLAIM, "exp or iat missing", platform);
        }
        if (!exp.toInstant().plus(CLOCK_SKEW).isAfter(now)) {
            throw new LaunchRefused(Reason.EXPIRED, "expired at " + exp.toInstant() + ", now " + now, platform);
        }
        if (iat.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new LaunchRefused(Reason.NOT_YET_VALID, "issued at " + iat.toInstant() + ", in the future", platform);
        }
        if (iat.toInstant().isBefore(now.minus(MAX_AGE))) {
            throw new LaunchRefused(Reason.EXPIRED, "issued at " + iat.toInstant() + ", too long ago", platform);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new LaunchRefused(Reason.NOT_YET_VALID, "not before " + nbf.toInstant(), platform);
        }
    }

    private static Launch launch(LtiPlatform platform, JWTClaimsSet claims, String type, String deployment) throws LaunchRefused {
        String sub = claims.getSubject();
        if (sub == null || sub.isBlank() || sub.length() > 255) {
            throw new LaunchRefused(Reason.MISSING_CLAIM, "sub (an anonymous launch is not supported)", platform);
        }
        List<String> roles = stringList(claims, LTI + "roles");
        if (roles == null) {
            throw new LaunchRefused(Reason.MISSING_CLAIM, "roles", platform);
        }
        Map<String, Object> link = object(claims, LTI + "resource_link");
        String linkId = link == null ? null : text(link.get("id"));
        String target = string(claims, LTI + "target_link_uri");
        Map<String, Object> dl = object(claims, DEEP_LINKING_SETTINGS);
        String returnUrl = dl == null ? null : text(dl.get("deep_link_return_url"));
        if (Launch.RESOURCE_LINK.equals(type) && (linkId == null || linkId.isBlank() || target == null)) {
            throw new LaunchRefused(Reason.MISSING_CLAIM, "resource_link.id or target_link_uri", platform);
        }
        if (Launch.DEEP_LINKING.equals(type) && (returnUrl == null || returnUrl.isBlank())) {
            throw new LaunchRefused(Reason.MISSING_CLAIM, "deep_linking_settings.deep_link_return_url", platform);
        }
        Map<String, Object> context = object(claims, LTI + "context");
        Map<String, Object> presentation = object(claims, LTI + "launch_presentation");
        Map<String, Object> nrps = object(claims, NRPS);
        Map<String, Object> ags = object(claims, AGS);
        Map<String, String> custom = new LinkedHashMap<>();
        Map<String, Object> c = object(claims, LTI + "custom");
        if (c != null) {
            c.forEach((k, v) -> {
                if (k != null && v != null && custom.size() < 50) {
                    custom.put(k, String.valueOf(v));
                }
            });
        }
        List<String> scopes = new ArrayList<>();
        if (ags != null && ags.get("scope") instanceof List<?> l) {
            l.forEach(s -> scopes.add(String.valueOf(s)));
        }
        String name = string(claims, "name");
        if (name == null || name.isBlank()) {
            String given = string(claims, "given_name");
            String family = string(claims, "family_name");
            name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        }
        return new Launch(platform, type, deployment, sub, name, string(claims, "email"),
                presentation == null ? string(claims, "locale") : firstNonNull(text(presentation.get("locale")), string(claims, "locale")),
                roles, context == null ? null : text(context.get("id")),
                context == null ? null : firstNonNull(text(context.get("title")), text(context.get("label"))),
                linkId, link == null ? null : text(link.get("title")), target, custom,
                nrps == null ? null : text(nrps.get("context_memberships_url")),
                ags == null ? null : text(ags.get("lineitems")), ags == null ? null : text(ags.get("lineitem")), scopes,
                returnUrl, dl == null ? null : text(dl.get("data")));
    }

    private static String firstNonNull(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static String string(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v instanceof String s ? s : null;
    }

    private static List<String> stringList(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringListClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static Map<String, Object> object(JWTClaimsSet claims, String name) {
        try {
            return claims.getJSONObjectClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }
}
