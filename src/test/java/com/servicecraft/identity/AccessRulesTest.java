package com.servicecraft.identity;

import com.servicecraft.shared.web.AccessRules;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessRulesTest {
    @Test
    void adminTrainerAndHrAreasNeedTheirRoles() {
        assertEquals(EnumSet.of(Role.ADMIN), AccessRules.rolesFor("/admin/users.xhtml"));
        assertEquals(EnumSet.of(Role.ADMIN), AccessRules.rolesFor("/admin/import-template.csv"));
        assertEquals(EnumSet.of(Role.TRAINER, Role.ADMIN), AccessRules.rolesFor("/trainer/index.xhtml"));
        assertEquals(EnumSet.of(Role.HR, Role.ADMIN), AccessRules.rolesFor("/hr/index.xhtml"));
        assertTrue(AccessRules.rolesFor("/index.xhtml").isEmpty());
    }

    @Test
    void onlyLoginSetupHealthErrorsAndResourcesArePublic() {
        assertTrue(AccessRules.isPublic("/login.xhtml"));
        assertTrue(AccessRules.isPublic("/setup.xhtml"));
        assertTrue(AccessRules.isPublic("/health"));
        assertTrue(AccessRules.isPublic("/jakarta.faces.resource/core.js.xhtml"));
        assertFalse(AccessRules.isPublic("/index.xhtml"));
        assertFalse(AccessRules.isPublic("/admin/users.xhtml"));
        assertFalse(AccessRules.isPublic("/account/password.xhtml"));
    }
}
