package com.servicecraft.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.Optional;

/**
 * The signed-in user of the current request, for services that check who is asking. Roles and the
 * active flag are those of the database at this request ({@link SignedInUsers}), not of sign-in.
 */
@Named
@RequestScoped
public class CurrentUser {
    private final HttpServletRequest request;
    private final SignedInUsers signedInUsers;

    @Inject
    public CurrentUser(HttpServletRequest request, SignedInUsers signedInUsers) {
        this.request = request;
        this.signedInUsers = signedInUsers;
    }

    /** For stand-ins that override {@link #get()}. */
    protected CurrentUser(HttpServletRequest request) {
        this(request, null);
    }

    /**
     * A fixed user for work done on someone's behalf outside a request (seeding the demo), so that
     * it goes through the same services and checks as that user's own clicks.
     */
    public static CurrentUser actingAs(SignedInUser user) {
        return new CurrentUser(null) {
            @Override
            public Optional<SignedInUser> get() {
                return Optional.of(user);
            }
        };
    }

    /** The user as the database says now (roles, active flag), loaded once per request. */
    public Optional<SignedInUser> get() {
        return signedInUsers.of(request);
    }

    public SignedInUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** The signed-in user, if they hold one of the roles; otherwise access is denied. */
    public SignedInUser requireAny(Role... roles) {
        SignedInUser user = require();
        if (Arrays.stream(roles).noneMatch(user::hasRole)) {
            throw new AccessDeniedException(user.username() + " lacks " + Arrays.toString(roles));
        }
        return user;
    }

    public String getDisplayName() {
        return get().map(SignedInUser::displayName).orElse("");
    }

    public boolean isSignedIn() {
        return get().isPresent();
    }

    public boolean hasRole(Role role) {
        return get().map(u -> u.hasRole(role)).orElse(false);
    }
}
