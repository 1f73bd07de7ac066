package com.servicecraft.identity;

import com.servicecraft.shared.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * One-time first passwords, one per person: 16 random characters from {@link SecureRandom} (about
 * 79 bits), shown once to the administrator, valid for {@code SERVICECRAFT_TEMP_PASSWORD_DAYS}
 * days (default 7). The alphabet leaves out look-alikes (0/O, 1/l/I) so that it can be read out
 * or typed from paper, and no password starts with a character a spreadsheet takes for a formula.
 */
@ApplicationScoped
public class TemporaryPasswords {
    public static final String SETTING = "SERVICECRAFT_TEMP_PASSWORD_DAYS";
    static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Duration validity;

    /** The validity from the settings. */
    public TemporaryPasswords() {
        this(Duration.ofDays(Settings.current().temporaryPasswordDays()));
    }

    public TemporaryPasswords(Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException(SETTING + " must be at least 1 day");
        }
        this.validity = validity;
    }

    /** A fresh random password, in four groups of four for reading: {@code abcd-efgh-jkmn-pqrs}. */
    public String generate() {
        StringBuilder sb = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public Instant expiry(Instant issuedAt) {
        return issuedAt.plus(validity);
    }

    public Duration validity() {
        return validity;
    }
}
