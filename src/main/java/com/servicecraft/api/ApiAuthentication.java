package com.servicecraft.api;

import com.servicecraft.identity.AuthenticationService;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.SignedInUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
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
    SignedInUsers signedInUsers;

    public Optional<ApiTokenService.Caller> caller(HttpServletRequest req) {
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
            return authentication.verify(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray())
                    .map(ApiAuthentication::asCaller);
        }
        return signedInUsers.of(req).map(ApiAuthentication::asCaller);
    }

    private static ApiTokenService.Caller asCaller(SignedInUser u) {
        return new ApiTokenService.Caller(u.id(), u.username(), u.roles(), EnumSet.allOf(ApiScope.class));
    }
}
