package com.servicecraft.shared.web;

import com.servicecraft.shared.time.OrganisationZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates and times as pages show them ({@code #{dates.dateTime(x)}}), in the server's time zone. */
@Named
@ApplicationScoped
public class Dates {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.withZone(OrganisationZone.zone()).format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.withZone(OrganisationZone.zone()).format(instant);
    }

    public String day(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
