package com.servicecraft.identity;

import com.servicecraft.shared.UserInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for a password a person chooses (OWASP ASVS 6.2.1, 6.2.4, 6.2.11): at least
 * {@link #MIN_LENGTH} and at most {@link #MAX_LENGTH} characters, not one of the 10,000 most common
 * passwords ({@code common-passwords.txt}, compared without case), and not containing the user name.
 * Every place that sets a password (setup, own change, administrator reset, import) goes through
 * {@link #check}.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /**
     * Refuses a password that breaks the rule, with a message key naming the password field.
     *
     * @param username the account's user name (may be null when there is none yet)
     */
    public static void check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new UserInputException("password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new UserInputException("password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw new UserInputException("password.tooCommon");
        }
        if (username != null && !username.isBlank() && lower.contains(username.trim().toLowerCase(Locale.ROOT))) {
            throw new UserInputException("password.containsUsername");
        }
    }

    static boolean isCommon(String password) {
        return password != null && COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    static int commonCount() {
        return COMMON.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("common-passwords.txt is missing from the classpath");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        words.add("servicecraft");
        return Set.copyOf(words);
    }
}
