package com.servicecraft.lti;

import com.servicecraft.identity.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The LTI 1.3 roles of a launch (LIS vocabulary: full URIs of the context-membership, institution
 * and system roles, their sub-roles such as {@code membership/Instructor#TeachingAssistant}, and the
 * deprecated short forms such as {@code Instructor}) as Servicecraft roles: Learner → trainee,
 * Instructor and ContentDeveloper → trainer, Administrator → administrator. A launch with no role
 * Servicecraft knows is a trainee's (least privilege).
 */
public final class LtiRoles {
    static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";
    static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person";
    static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person";

    private LtiRoles() {
    }

    /** Roles of the launching person in Servicecraft; never empty. */
    public static Set<Role> servicecraftRoles(Collection<String> ltiRoles) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String r : ltiRoles) {
            String name = roleName(r);
            switch (name) {
                case "learner", "student" -> out.add(Role.TRAINEE);
                case "instructor", "contentdeveloper", "faculty", "teachingassistant" -> out.add(Role.TRAINER);
                case "administrator", "sysadmin" -> out.add(Role.ADMIN);
                default -> { }
            }
        }
        if (out.isEmpty()) {
            out.add(Role.TRAINEE);
        }
        return out;
    }

    /** Whether the person teaches in the launch's context (owns its group) rather than learns in it. */
    public static boolean teachesInContext(Collection<String> ltiRoles) {
        for (String r : ltiRoles) {
            if (r == null) {
                continue;
            }
            boolean contextRole = r.startsWith(MEMBERSHIP) || !r.contains(":");
            String name = roleName(r);
            if (contextRole && (name.equals("instructor") || name.equals("contentdeveloper") || name.equals("administrator")
                    || name.equals("teachingassistant"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The role's name in lower case: the fragment of a full URI ({@code …/membership#Instructor}),
     * the principal role of a sub-role URI ({@code …/membership/Instructor#TeachingAssistant} is an instructor), or a short form.
     * Roles of other vocabularies give "".
     */
    static String roleName(String role) {
        if (role == null) {
            return "";
        }
        String r = role.trim();
        if (r.startsWith(MEMBERSHIP + "/")) {
            // A sub-role (…/membership/Instructor#TeachingAssistant) counts as its principal role.
            int hash = r.indexOf('#');
            return (hash < 0 ? r.substring(MEMBERSHIP.length() + 1) : r.substring(MEMBERSHIP.length() + 1, hash)).toLowerCase(Locale.ROOT);
        }
        if (r.startsWith(MEMBERSHIP) || r.startsWith(INSTITUTION) || r.startsWith(SYSTEM)) {
            int hash = r.indexOf('#');
            return hash < 0 ? "" : r.substring(hash + 1).toLowerCase(Locale.ROOT);
        }
        if (r.contains(":") || r.contains("/")) {
            return "";
        }
        return r.toLowerCase(Locale.ROOT);
    }
}
