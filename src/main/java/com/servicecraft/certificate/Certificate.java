package com.servicecraft.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A course certificate as the verification page and the PDF show it: the holder's name (as it is
 * now: pseudonymized after deletion), course, issue date, score and validity. {@code validUntil}
 * {@code null} means it does not expire.
 */
public record Certificate(String number, long userId, String holderName, String courseId, Instant issuedAt, Double score,
                          LocalDate validUntil) {

    public boolean isValidOn(LocalDate day) {
        return validUntil == null || !day.isAfter(validUntil);
    }
}
