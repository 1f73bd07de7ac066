package com.servicecraft.shared.time;

import com.servicecraft.shared.settings.Settings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The organisation's time zone: the one zone in which pages, PDFs, e-mails and HR exports show
 * times and in which "today" (due dates, overdue) is decided. {@code SERVICECRAFT_TIME_ZONE}
 * (an IANA name such as {@code Asia/Shanghai}), else the server's zone; see {@link Settings}.
 */
public final class OrganisationZone {
    public static final String VARIABLE = "SERVICECRAFT_TIME_ZONE";

    private OrganisationZone() {
    }

    public static ZoneId zone() {
        return Settings.current().timeZone();
    }

    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }
}
