package com.servicecraft.access;

import com.servicecraft.identity.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Map.entry;

/**
 * Who may open which page or endpoint: every view and every servlet of the WAR is listed here
 * with its access, and a path that is not listed is refused (deny by default). The filter looks
 * paths up as the container serves them (servlet path + path info, already normalised); services
 * check again. {@code AccessRulesTest} fails the build when a view or servlet has no rule.
 */
public final class AccessRules {

    /** Anybody; signed-in users, anonymous visitors, or the roles of which the user needs one. */
    public record Access(boolean signInNeeded, Set<Role> roles) {
        public static final Access PUBLIC = new Access(false, EnumSet.noneOf(Role.class));
        public static final Access SIGNED_IN = new Access(true, EnumSet.noneOf(Role.class));

        public Access {
            roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        }

        public static Access anyOf(Role first, Role... more) {
            return new Access(true, EnumSet.of(first, more));
        }

        /** Whether a user with these roles (null: anonymous) may enter. */
        public boolean allows(Set<Role> userRoles) {
            if (!signInNeeded) {
                return true;
            }
            return userRoles != null && (roles.isEmpty() || roles.stream().anyMatch(userRoles::contains));
        }
    }

    private static final Access ADMIN = Access.anyOf(Role.ADMIN);
    private static final Access TRAINER = Access.anyOf(Role.TRAINER, Role.ADMIN);
    private static final Access HR = Access.anyOf(Role.HR, Role.ADMIN);

    /** Exact paths: the views (.xhtml under src/main/webapp) and the servlets with a fixed mapping. */
    private static final Map<String, Access> EXACT = Map.ofEntries(
            // The welcome path: the container answers it with index.xhtml.
            entry("/", Access.SIGNED_IN),
            entry("/login.xhtml", Access.PUBLIC),
            entry("/setup.xhtml", Access.PUBLIC),
            entry("/health", Access.PUBLIC),
            entry("/favicon.ico", Access.PUBLIC),
            entry("/error/400.xhtml", Access.PUBLIC),
            entry("/error/403.xhtml", Access.PUBLIC),
            entry("/error/404.xhtml", Access.PUBLIC),
            entry("/error/500.xhtml", Access.PUBLIC),
            entry("/error/expired.xhtml", Access.PUBLIC),
            entry("/error/unavailable.xhtml", Access.PUBLIC),
            // The API authenticates each call itself (token, Basic or session) and checks scopes.
            entry("/api/v1/catalog", Access.PUBLIC),
            entry("/api/v1/completions", Access.PUBLIC),
            entry("/api/v1/openapi.yaml", Access.PUBLIC),
            // LTI 1.3: the platform's signed id_token authenticates a launch; the endpoints check it themselves.
            entry("/lti/login", Access.PUBLIC),
            entry("/lti/launch", Access.PUBLIC),
            entry("/lti/landing", Access.PUBLIC),
            entry("/lti/jwks", Access.PUBLIC),

            entry("/index.xhtml", Access.SIGNED_IN),
            entry("/notifications.xhtml", Access.SIGNED_IN),
            entry("/account/password.xhtml", Access.SIGNED_IN),
            entry("/account/settings.xhtml", Access.SIGNED_IN),
            // Learning pages: any signed-in person may learn; the services check whose records they are.
            entry("/learn/action-plan.xhtml", Access.SIGNED_IN),
            entry("/learn/attempt.xhtml", Access.SIGNED_IN),
            entry("/learn/course.xhtml", Access.SIGNED_IN),
            entry("/learn/lesson.xhtml", Access.SIGNED_IN),
            entry("/learn/quiz.xhtml", Access.SIGNED_IN),
            entry("/learn/result.xhtml", Access.SIGNED_IN),
            entry("/learn/self-assessment.xhtml", Access.SIGNED_IN),
            entry("/learn/workbook.xhtml", Access.SIGNED_IN),
            entry("/learn/autosave", Access.SIGNED_IN),
            entry("/learn/reading", Access.SIGNED_IN),
            entry("/learn/certificate.pdf", Access.SIGNED_IN),
            entry("/learn/result.pdf", Access.SIGNED_IN),
            entry("/learn/action-plan.pdf", Access.SIGNED_IN),
            entry("/learn/workbook.pdf", Access.SIGNED_IN),
            // Exists only in the benchmark's server (src/test/java/.../benchmark); 404 in the product.
            entry("/bench/write", Access.SIGNED_IN),

            entry("/trainer/action-plans.xhtml", TRAINER),
            // LTI Deep Linking: an instructor chooses what to place in the LMS, then the signed answer goes back.
            entry("/lti/deep-link.xhtml", TRAINER),
            entry("/lti/deep-link/return", TRAINER),
            // Names and Role Provisioning: a trainer refreshes the members of their groups from LMS courses.
            entry("/lti/courses.xhtml", TRAINER),
            entry("/trainer/dashboard.xhtml", TRAINER),
            entry("/trainer/grade.xhtml", TRAINER),
            entry("/trainer/grading.xhtml", TRAINER),
            entry("/trainer/grants.xhtml", TRAINER),
            entry("/trainer/group.xhtml", TRAINER),
            entry("/trainer/groups.xhtml", TRAINER),
            entry("/trainer/index.xhtml", TRAINER),
            entry("/trainer/item-stats.xhtml", TRAINER),
            entry("/trainer/trainee.xhtml", TRAINER),

            entry("/hr/audit.xhtml", HR),
            entry("/hr/completions.xhtml", HR),
            entry("/hr/recertification.xhtml", HR),
            entry("/hr/tokens.xhtml", HR),
            entry("/hr/export/completions", HR),

            entry("/admin/content.xhtml", ADMIN),
            entry("/admin/departments.xhtml", ADMIN),
            entry("/admin/import.xhtml", ADMIN),
            entry("/admin/lti.xhtml", ADMIN),
            entry("/admin/user.xhtml", ADMIN),
            entry("/admin/users.xhtml", ADMIN),
            entry("/admin/import-template.csv", ADMIN));

    private record Prefix(String prefix, Access access) {
    }

    /** Path trees: static resources and the servlets mapped with {@code /*}. */
    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("/jakarta.faces.resource/", Access.PUBLIC),
            new Prefix("/resources/", Access.PUBLIC),
            new Prefix("/verify/", Access.PUBLIC),
            new Prefix("/learn/media/", Access.SIGNED_IN));

    private AccessRules() {
    }

    /** The rule for a path as the container serves it; empty when the path is not listed (refuse it). */
    public static Optional<Access> accessFor(String servedPath) {
        Access exact = EXACT.get(servedPath);
        if (exact != null) {
            return Optional.of(exact);
        }
        return PREFIXES.stream().filter(p -> servedPath.startsWith(p.prefix) && servedPath.length() > p.prefix.length())
                .map(Prefix::access).findFirst();
    }

    /** Every exact path with a rule, for tests that walk them all. */
    public static Map<String, Access> listedPaths() {
        return java.util.Collections.unmodifiableMap(EXACT);
    }

    /** Every path tree with a rule, as prefixes ending in '/'. */
    public static Map<String, Access> listedPrefixes() {
        return PREFIXES.stream().collect(java.util.stream.Collectors.toMap(Prefix::prefix, Prefix::access));
    }
}
