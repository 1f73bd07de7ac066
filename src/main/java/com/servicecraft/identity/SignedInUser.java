package com.servicecraft.identity;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is signed in, as kept in the HTTP session: identity and roles only, never anything that
 * would be lost if the session were (the records themselves live in the database).
 */
public record SignedInUser(long id, String username, String displayName, Set<Role> roles)
        implements Serializable {
    public static final String SESSION_ATTRIBUTE = "servicecraft.signedInUser";
    /** Set while the user still has a temporary password: every page but the password page is closed. */
    public static final String MUST_CHANGE_PASSWORD = "servicecraft.mustChangePassword";

    public SignedInUser {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public static SignedInUser of(User user) {
        return new SignedInUser(user.getId(), user.getUsername(), user.getDisplayName(), user.getRoles());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
