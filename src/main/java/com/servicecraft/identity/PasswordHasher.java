package com.servicecraft.identity;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so
 * that the iteration count can be raised later and old hashes still verify.
 */
public class PasswordHasher {
    public static final String PREFIX = "pbkdf2-sha256$";
    /** OWASP's 2023+ figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int RANDOM_SECRET_ITERATIONS = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private final int iterations;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        return hash(password, iterations);
    }

    private static String hash(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * Hashes a secret that was generated at random ({@link TemporaryPasswords}, about 79 bits), not
     * chosen by a person. Key stretching protects guessable passwords; a random secret of that size
     * cannot be guessed at any iteration count, so it gets {@link #RANDOM_SECRET_ITERATIONS} and an
     * import of hundreds of people does not take minutes. It verifies like any other hash.
     */
    public String hashRandomSecret(char[] secret) {
        return hash(secret, Math.min(iterations, RANDOM_SECRET_ITERATIONS));
    }

    public boolean matches(char[] password, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return false;
        }
        int storedIterations = Integer.parseInt(parts[0]);
        byte[] salt = Base64.getDecoder().decode(parts[1]);
        byte[] expected = Base64.getDecoder().decode(parts[2]);
        return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
    }

    /** Burns the same time as a real check, so unknown user names cannot be told apart by timing. */
    public void simulateCheck(char[] password) {
        derive(password, new byte[16], iterations);
    }

    public static int iterationsOf(String stored) {
        return Integer.parseInt(stored.substring(PREFIX.length()).split("\\$")[0]);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
