package com.servicecraft.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    @Test
    void storedHashCarriesTheFullIterationCountAndNeverThePassword() {
        String hash = new PasswordHasher().hash("correct horse battery".toCharArray());

        assertTrue(hash.startsWith("pbkdf2-sha256$600000$"), hash);
        assertEquals(600_000, PasswordHasher.iterationsOf(hash));
        assertFalse(hash.contains("correct horse battery"));
        assertFalse(hash.contains("Y29ycmVjdCBob3JzZSBiYXR0ZXJ5"), "not even base64 of the password");
    }

    @Test
    void matchesOnlyTheSamePassword() {
        PasswordHasher hasher = new PasswordHasher(1_000);
        String hash = hasher.hash("s3cret-password".toCharArray());

        assertTrue(hasher.matches("s3cret-password".toCharArray(), hash));
        assertFalse(hasher.matches("s3cret-passworD".toCharArray(), hash));
        assertFalse(hasher.matches("".toCharArray(), hash));
        assertFalse(hasher.matches("s3cret-password".toCharArray(), "plain-text"));
    }

    @Test
    void everyHashHasItsOwnSalt() {
        PasswordHasher hasher = new PasswordHasher(1_000);
        assertNotEquals(hasher.hash("same-password".toCharArray()), hasher.hash("same-password".toCharArray()));
    }

    @Test
    void aHashMadeWithFewerIterationsStillVerifiesAfterTheDefaultIsRaised() {
        String old = new PasswordHasher(1_000).hash("older-password".toCharArray());
        assertTrue(new PasswordHasher(2_000).matches("older-password".toCharArray(), old));
    }
}
