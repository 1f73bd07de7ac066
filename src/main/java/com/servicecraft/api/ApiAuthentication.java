package com.servicecraft.api;

import com.servicecraft.identity.AuthenticationService;
import com.servicecraft.identity.SignInResult;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.SignedInUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
    @Inject
    SignedInUsers signedInUsers;

    /**
     * The caller, or empty after answering the request itself: 401 for missing or wrong credentials,
     * 429 with {@code Retry-After} while HTTP Basic attempts are throttled. A bearer token is never
     * throttled: a token is a long random secret, not something to guess.
     */
    public Optional<ApiTokenService.Caller> callerOrRefuse(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Outcome outcome = authenticate(req);
        if (outcome.throttledUntil() != null) {
            long seconds = Math.max(1, (Duration.between(clock.instant(), outcome.throttledUntil()).toMillis() + 999) / 1000);
            res.setHeader("Retry-After", Long.toString(seconds));
            ApiResponses.error(res, 429, "too_many_attempts", "Too many failed sign-in attempts; try again in " + seconds + " s.");
        } else if (outcome.caller().isEmpty()) {
            ApiResponses.unauthorized(res);
        }
        return outcome.caller();
    }

    /** Who calls, or nobody; {@code throttledUntil} is set when HTTP Basic must wait. */
    private record Outcome(Optional<ApiTokenService.Caller> caller, Instant throttledUntil) {
        static Outcome of(Optional<ApiTokenService.Caller> caller) {
            return new Outcome(caller, null);
        }
    }

    private Outcome authenticate(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Outcome.of(tokens.verify(header.substring(7).trim()));
        }
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Outcome.of(Optional.empty());
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Outcome.of(Optional.empty());
            }
            SignInResult result = authentication.verify(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray(),
                    req.getRemoteAddr());
            if (result instanceof SignInResult.Throttled t) {
                return new Outcome(Optional.empty(), t.until());
            }
            return Outcome.of(result instanceof SignInResult.Success s ? Optional.of(asCaller(s.user())) : Optional.empty());
        }
        return Outcome.of(signedInUsers.of(req).map(ApiAuthentication::asCaller));
    }

    private static ApiTokenService.Caller asCaller(SignedInUser u) {
        return new ApiTokenService.Caller(u.id(), u.username(), u.roles(), EnumSet.allOf(ApiScope.class));
    }
}
