package com.servicecraft.shared.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The organisation's time zone: the one zone in which pages, PDFs, e-mails and HR exports show
 * times and in which "today" (due dates, overdue) is decided. {@code SERVICECRAFT_TIME_ZONE}
 * (an IANA name such as {@code Asia/Shanghai}), else the server's zone. A bad name stops the start.
 */
public final class OrganisationZone {
    public static final String VARIABLE = "SERVICECRAFT_TIME_ZONE";
    private static final ZoneId ZONE = parse(System.getenv(VARIABLE));

    private OrganisationZone() {
    }

    public static ZoneId zone() {
        return ZONE;
    }

    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    static ZoneId parse(String value) {
        if (value == null || value.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException(VARIABLE + ": '" + value + "' is not a time zone; use an IANA name such as Asia/Shanghai or Europe/Berlin");
        }
    }
}
