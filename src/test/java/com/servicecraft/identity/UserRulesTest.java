package com.servicecraft.identity;

import com.servicecraft.shared.Language;
import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.UserInputException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The user form's rules name every field at fault, by the form's property names (the inputs' ids). */
class UserRulesTest {
    private static UserForm valid() {
        UserForm f = new UserForm();
        f.setUsername("li.na");
        f.setEmployeeNumber("E-1001");
        f.setDisplayName("李娜");
        f.setEmail("li.na@example.com");
        f.setRoles(EnumSet.of(Role.TRAINEE));
        f.setLanguage(Language.ZH_CN);
        return f;
    }

    @Test
    void aValidFormPasses() {
        UserRules.check(valid());
    }

    @Test
    void everyFieldAtFaultIsNamedOnceInTheOrderOfTheForm() {
        UserForm f = valid();
        f.setEmployeeNumber("E 1001 !");
        f.setEmail("not-an-address");
        f.setRoles(EnumSet.noneOf(Role.class));
        UserInputException refused = assertThrows(UserInputException.class, () -> UserRules.check(f));
        assertEquals(List.of(new FieldProblem("employeeNumber", "user.badEmployeeNumber"), new FieldProblem("email", "user.badEmail"),
                new FieldProblem("roles", "user.roleRequired")), refused.problems());
        assertEquals("user.badEmployeeNumber", refused.messageKey());
    }
}
