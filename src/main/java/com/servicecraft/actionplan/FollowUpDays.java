package com.servicecraft.actionplan;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The days after approval on which follow-ups fall due: {@code SERVICECRAFT_FOLLOWUP_DAYS}, a
 * comma-separated list, default "30,60,90". 0 makes the first follow-up due on the day of
 * approval (browser tests use that instead of moving the clock).
 */
public final class FollowUpDays {
    public static final String DEFAULT = "30,60,90";

    private FollowUpDays() {
    }

    public static List<Integer> fromEnvironment() {
        return parse(System.getenv().getOrDefault("SERVICECRAFT_FOLLOWUP_DAYS", DEFAULT));
    }

    /** Distinct days in ascending order; a value that is not a whole number from 0 to 3650 is refused. */
    public static List<Integer> parse(String setting) {
        String value = setting == null || setting.isBlank() ? DEFAULT : setting;
        TreeSet<Integer> days = new TreeSet<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int day;
            try {
                day = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SERVICECRAFT_FOLLOWUP_DAYS: not a number: " + part.strip());
            }
            if (day < 0 || day > 3650) {
                throw new IllegalArgumentException("SERVICECRAFT_FOLLOWUP_DAYS: out of range: " + day);
            }
            days.add(day);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("SERVICECRAFT_FOLLOWUP_DAYS: no days in \"" + setting + "\"");
        }
        return new ArrayList<>(days);
    }
}
