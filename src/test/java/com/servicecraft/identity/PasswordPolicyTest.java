package com.servicecraft.identity;

import com.servicecraft.shared.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OWASP ASVS 6.2.4: long enough, not a common password, not the user name. */
class PasswordPolicyTest {
    @Test
    void theListHoldsTheTenThousandMostCommonPasswords() {
        assertTrue(PasswordPolicy.commonCount() >= 10_000, "" + PasswordPolicy.commonCount());
        assertTrue(PasswordPolicy.isCommon("123456"));
        assertTrue(PasswordPolicy.isCommon("PassWord"), "compared without case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwertyuiop", "1234567890", "1q2w3e4r5t", "password123", "QWERTYUIOP", "servicecraft"})
    void commonPasswordsAreRefused(String password) {
        assertEquals("password.tooCommon", assertThrows(UserInputException.class, () -> PasswordPolicy.check(password, "wang")).messageKey());
    }

    @Test
    void aPasswordContainingTheUserNameIsRefused() {
        assertEquals("password.containsUsername",
                assertThrows(UserInputException.class, () -> PasswordPolicy.check("Wang.Fang2026!", "wang.fang")).messageKey());
        assertEquals("password.containsUsername",
                assertThrows(UserInputException.class, () -> PasswordPolicy.check("wang.fang-1", " WANG.FANG ")).messageKey());
    }

    @Test
    void lengthStillCounts() {
        assertEquals("password.tooShort", assertThrows(UserInputException.class, () -> PasswordPolicy.check("x7#kQ", "a")).messageKey());
        assertEquals("password.tooLong", assertThrows(UserInputException.class, () -> PasswordPolicy.check("x".repeat(201), "a")).messageKey());
    }

    @Test
    void aGoodPasswordPasses() {
        assertDoesNotThrow(() -> PasswordPolicy.check("tea-and-river-stones", "wang.fang"));
        assertDoesNotThrow(() -> PasswordPolicy.check("tea-and-river-stones", null));
    }
}
