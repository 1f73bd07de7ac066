package com.servicecraft.shared.web;

import com.servicecraft.identity.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which paths need which roles. The filter enforces this on every request; services check again.
 * Paths not listed need a signed-in user; public paths need nobody.
 */
public final class AccessRules {
    private static final List<String> PUBLIC_PREFIXES = List.of(
            "/login.xhtml", "/setup.xhtml", "/health", "/jakarta.faces.resource/", "/resources/",
            "/error/", "/verify/", "/api/", "/favicon.ico");

    private record Rule(String prefix, Set<Role> roles) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("/admin/", EnumSet.of(Role.ADMIN)),
            new Rule("/trainer/", EnumSet.of(Role.TRAINER, Role.ADMIN)),
            new Rule("/hr/", EnumSet.of(Role.HR, Role.ADMIN)));

    private AccessRules() {
    }

    public static boolean isPublic(String path) {
        return PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** The roles of which the user needs one, or an empty set when any signed-in user may enter. */
    public static Set<Role> rolesFor(String path) {
        return RULES.stream().filter(r -> path.startsWith(r.prefix)).map(Rule::roles).findFirst()
                .orElse(EnumSet.noneOf(Role.class));
    }
}
