package com.servicecraft.lti;

import com.servicecraft.identity.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LTI 1.3 roles (LIS vocabulary, full URIs and short forms) as Servicecraft roles. */
class LtiRolesTest {
    private static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership";

    @Test
    void contextRolesInFullAndShortForm() {
        assertEquals(Set.of(Role.TRAINEE), LtiRoles.servicecraftRoles(List.of(M + "#Learner")));
        assertEquals(Set.of(Role.TRAINEE), LtiRoles.servicecraftRoles(List.of("Learner")));
        assertEquals(Set.of(Role.TRAINER), LtiRoles.servicecraftRoles(List.of(M + "#Instructor")));
        assertEquals(Set.of(Role.TRAINER), LtiRoles.servicecraftRoles(List.of("Instructor")));
        assertEquals(Set.of(Role.TRAINER), LtiRoles.servicecraftRoles(List.of(M + "#ContentDeveloper")));
        assertEquals(Set.of(Role.TRAINER), LtiRoles.servicecraftRoles(List.of(M + "/Instructor#TeachingAssistant")), "a sub-role");
        assertEquals(Set.of(Role.ADMIN), LtiRoles.servicecraftRoles(List.of(M + "#Administrator")));
    }

    @Test
    void institutionAndSystemRoles() {
        assertEquals(Set.of(Role.ADMIN), LtiRoles.servicecraftRoles(List.of("http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator")));
        assertEquals(Set.of(Role.ADMIN, Role.TRAINER), LtiRoles.servicecraftRoles(List.of(
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", M + "#Instructor")));
        assertEquals(Set.of(Role.TRAINEE), LtiRoles.servicecraftRoles(List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student")));
    }

    @Test
    void unknownOrNoRolesGiveTheLeastPrivilege() {
        assertEquals(Set.of(Role.TRAINEE), LtiRoles.servicecraftRoles(List.of()));
        assertEquals(Set.of(Role.TRAINEE), LtiRoles.servicecraftRoles(List.of(M + "#Mentor", "http://example.com/roles#Boss")));
        assertEquals(Set.of(Role.TRAINEE), LtiRoles.servicecraftRoles(List.of("http://example.com/x#Administrator")),
                "another vocabulary's Administrator is not ours");
    }

    @Test
    void onlyContextRolesMakeSomeoneTeachInTheContext() {
        assertTrue(LtiRoles.teachesInContext(List.of(M + "#Instructor")));
        assertTrue(LtiRoles.teachesInContext(List.of("Instructor")));
        assertFalse(LtiRoles.teachesInContext(List.of(M + "#Learner", "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor")),
                "an institution's instructor who learns in this course is a learner here");
    }
}
