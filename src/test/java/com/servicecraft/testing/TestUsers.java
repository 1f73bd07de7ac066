package com.servicecraft.testing;

import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;

import java.util.EnumSet;
import java.util.Optional;

/** Stand-ins for "who is signed in" in service tests without a servlet container. */
public final class TestUsers {
    private TestUsers() {
    }

    public static CurrentUser signedIn(long id, String username, Role... roles) {
        return CurrentUser.actingAs(new SignedInUser(id, username, username,
                roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles)));
    }

    public static CurrentUser admin() {
        return signedIn(1, "admin", Role.ADMIN);
    }

    public static CurrentUser anonymous() {
        return new CurrentUser(null) {
            @Override
            public Optional<SignedInUser> get() {
                return Optional.empty();
            }
        };
    }
}
