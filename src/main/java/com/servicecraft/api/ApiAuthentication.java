package com.servicecraft.api;

import com.servicecraft.identity.AuthenticationService;
import com.servicecraft.identity.SignInResult;
import com.servicecraft.identity.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Who is calling the API: a bearer token, HTTP Basic with a user's own credentials (throttled like
 * the login page), or the browser session of a signed-in user. Basic and session callers have
 * every scope their roles allow.
 */
@ApplicationScoped
public class ApiAuthentication {
    @Inject
    ApiTokenService tokens;
    @Inject
    AuthenticationService authentication;
    @Inject
    Clock clock;

    /**
     * The caller, or empty after answering the request itself: 401 for missing or wrong credentials,
     * 429 with {@code Retry-After} while HTTP Basic attempts are throttled. A bearer token is never
     * throttled: a token is a long random secret, not something to guess.
     */
    public Optional<ApiTokenService.Caller> callerOrRefuse(HttpServletRequest req, HttpServletResponse res) throws IOException {
        try {
            Optional<ApiTokenService.Caller> caller = caller(req);
            if (caller.isEmpty()) {
                ApiResponses.unauthorized(res);
            }
            return caller;
        } catch (Throttled t) {
            long seconds = Math.max(1, (Duration.between(clock.instant(), t.until).toMillis() + 999) / 1000);
            res.setHeader("Retry-After", Long.toString(seconds));
            ApiResponses.error(res, 429, "too_many_attempts", "Too many failed sign-in attempts; try again in " + seconds + " s.");
            return Optional.empty();
        }
    }

    Optional<ApiTokenService.Caller> caller(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.verify(header.substring(7).trim());
        }
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            SignInResult result = authentication.verify(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray(),
                    req.getRemoteAddr());
            if (result instanceof SignInResult.Throttled t) {
                throw new Throttled(t.until());
            }
            return result instanceof SignInResult.Success s ? Optional.of(asCaller(s.user())) : Optional.empty();
        }
        HttpSession session = req.getSession(false);
        SignedInUser user = session == null ? null : (SignedInUser) session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        return Optional.ofNullable(user).map(ApiAuthentication::asCaller);
    }

    private static final class Throttled extends RuntimeException {
        final transient Instant until;

        Throttled(Instant until) {
            super(null, null, false, false);
            this.until = until;
        }
    }

    private static ApiTokenService.Caller asCaller(SignedInUser u) {
        return new ApiTokenService.Caller(u.id(), u.username(), u.roles(), EnumSet.allOf(ApiScope.class));
    }
}
