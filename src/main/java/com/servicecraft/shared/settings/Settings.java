package com.servicecraft.shared.settings;

import com.servicecraft.shared.persistence.DatabaseSettings;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Every operator setting of the application, read from the environment once and validated
 * before anything else uses it: the only place that reads {@code System.getenv}. A bad value
 * stops the start with a message naming the variable (all bad variables at once); the values
 * are logged once at start with passwords redacted. README's settings table lists the same
 * variables with the same defaults.
 *
 * @param contentDir {@code SERVICECRAFT_CONTENT_DIR}, or null for the course packed in the WAR
 * @param adminPassword {@code SERVICECRAFT_ADMIN_PASSWORD}, or null
 * @param certificateValidMonths 0: certificates never expire
 * @param readingTimeFactor multiplier of every lesson's minimum reading time, 0 to {@value #MAX_READING_TIME_FACTOR}
 */
public record Settings(ZoneId timeZone, DatabaseSettings database, String adminPassword, int temporaryPasswordDays,
                       boolean demo, boolean demoCohorts, Path contentDir, Duration attemptSweepEvery,
                       Duration reminderEvery, List<Integer> followUpDays, Duration followUpCheckEvery, MailSettings mail,
                       String organisationName, int certificateValidMonths, Duration certificateSweepEvery,
                       boolean trustProxy, double readingTimeFactor) {
    private static final Logger LOG = Logger.getLogger(Settings.class.getName());
    public static final double MAX_READING_TIME_FACTOR = 10;
    public static final String DEFAULT_FOLLOWUP_DAYS = "30,60,90";
    private static volatile Settings current;

    public Settings {
        followUpDays = List.copyOf(followUpDays);
    }

    /**
     * The settings of this process, read from the environment on first use and logged then.
     * Throws {@link InvalidSettingsException} (every time, nothing cached) while a value is bad.
     */
    public static Settings current() {
        Settings s = current;
        return s != null ? s : readOnce();
    }

    private static synchronized Settings readOnce() {
        if (current == null) {
            Settings read = from(System.getenv());
            LOG.info(() -> "Settings: " + read);
            current = read;
        }
        return current;
    }

    /** Parses and validates the settings from these variables. */
    public static Settings from(Map<String, String> env) {
        Reader r = new Reader(env);
        String dbUrl = r.text("SERVICECRAFT_DB_URL", null);
        if (dbUrl == null) {
            dbUrl = DatabaseSettings.h2FileUrl(r.dataDirectory().resolve("servicecraft"));
        }
        DatabaseSettings database = new DatabaseSettings(dbUrl, r.text("SERVICECRAFT_DB_USER", "sa"),
                env.getOrDefault("SERVICECRAFT_DB_PASSWORD", ""), r.integer("SERVICECRAFT_DB_POOL_SIZE", 10, 1, 1000),
                r.integer("SERVICECRAFT_DB_CONNECT_TIMEOUT_MS", (int) DatabaseSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS, 250, 3_600_000));
        String baseUrl = r.text("SERVICECRAFT_BASE_URL", "http://localhost:8080");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        MailSettings mail = new MailSettings(r.text("SERVICECRAFT_SMTP_HOST", ""),
                r.integer("SERVICECRAFT_SMTP_PORT", 25, 1, 65535), r.text("SERVICECRAFT_SMTP_USER", null),
                r.text("SERVICECRAFT_SMTP_PASSWORD", null), r.bool("SERVICECRAFT_SMTP_STARTTLS", false),
                r.text("SERVICECRAFT_MAIL_FROM", "servicecraft@localhost"), baseUrl,
                r.seconds("SERVICECRAFT_MAIL_SECONDS", 60).toSeconds());
        String contentDir = r.text("SERVICECRAFT_CONTENT_DIR", null);
        Settings settings = new Settings(r.zone("SERVICECRAFT_TIME_ZONE"), database,
                r.text("SERVICECRAFT_ADMIN_PASSWORD", null), r.integer("SERVICECRAFT_TEMP_PASSWORD_DAYS", 7, 1, 365),
                r.bool("SERVICECRAFT_DEMO", false), r.bool("SERVICECRAFT_DEMO_COHORTS", false),
                contentDir == null ? null : Path.of(contentDir),
                r.seconds("SERVICECRAFT_SWEEP_SECONDS", 30), r.seconds("SERVICECRAFT_REMINDER_SECONDS", 900),
                r.days("SERVICECRAFT_FOLLOWUP_DAYS"), r.seconds("SERVICECRAFT_FOLLOWUP_CHECK_SECONDS", 300), mail,
                r.text("SERVICECRAFT_ORGANISATION_NAME", "Servicecraft"),
                r.integer("SERVICECRAFT_CERT_VALID_MONTHS", 24, 0, 1200), r.seconds("SERVICECRAFT_CERT_SWEEP_SECONDS", 300),
                r.bool("SERVICECRAFT_TRUST_PROXY", false), r.decimal("SERVICECRAFT_READING_TIME_FACTOR", 1, 0, MAX_READING_TIME_FACTOR));
        if (!r.problems.isEmpty()) {
            throw new InvalidSettingsException(r.problems);
        }
        return settings;
    }

    /** One or more bad values; the message names each variable and what it expects. */
    public static final class InvalidSettingsException extends IllegalStateException {
        private final List<String> problems;

        InvalidSettingsException(List<String> problems) {
            super("Cannot start with these settings: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** A secret for logs: whether it is set, never the value. */
    static String redacted(String secret) {
        return secret == null || secret.isEmpty() ? "(empty)" : "(set)";
    }

    /** Every value, secrets redacted. */
    @Override
    public String toString() {
        return "timeZone=" + timeZone + ", database=" + database + ", adminPassword=" + redacted(adminPassword)
                + ", temporaryPasswordDays=" + temporaryPasswordDays + ", demo=" + demo + ", demoCohorts=" + demoCohorts
                + ", contentDir=" + (contentDir == null ? "(in the WAR)" : contentDir)
                + ", attemptSweepEvery=" + attemptSweepEvery.toSeconds() + " s, reminderEvery=" + reminderEvery.toSeconds()
                + " s, followUpDays=" + followUpDays + ", followUpCheckEvery=" + followUpCheckEvery.toSeconds() + " s, mail=" + mail
                + ", organisationName=" + organisationName + ", certificateValidMonths=" + certificateValidMonths
                + ", certificateSweepEvery=" + certificateSweepEvery.toSeconds() + " s, trustProxy=" + trustProxy
                + ", readingTimeFactor=" + readingTimeFactor;
    }

    /** Reads variables, noting every bad one instead of stopping at the first. */
    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        /** The stripped value, or the default when unset or blank. */
        String text(String name, String fallback) {
            String v = env.get(name);
            return v == null || v.isBlank() ? fallback : v.strip();
        }

        private String bad(String name, String expected) {
            problems.add(name + " must be " + expected + ", not \"" + env.get(name).strip() + "\"");
            return null;
        }

        int integer(String name, int fallback, int min, int max) {
            String v = text(name, null);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            bad(name, "a whole number from " + min + " to " + max);
            return fallback;
        }

        double decimal(String name, double fallback, double min, double max) {
            String v = text(name, null);
            if (v == null) {
                return fallback;
            }
            try {
                double d = Double.parseDouble(v);
                if (d >= min && d <= max) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            bad(name, "a number from " + (int) min + " to " + (int) max);
            return fallback;
        }

        boolean bool(String name, boolean fallback) {
            String v = text(name, null);
            if (v == null) {
                return fallback;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    bad(name, "true or false");
                    yield fallback;
                }
            };
        }

        Duration seconds(String name, int fallback) {
            return Duration.ofSeconds(integer(name, fallback, 1, 86_400));
        }

        ZoneId zone(String name) {
            String v = text(name, null);
            if (v == null) {
                return ZoneId.systemDefault();
            }
            try {
                return ZoneId.of(v);
            } catch (DateTimeException e) {
                bad(name, "an IANA time zone such as Asia/Shanghai or Europe/Berlin");
                return ZoneId.systemDefault();
            }
        }

        Path dataDirectory() {
            String dir = text("SERVICECRAFT_DATA_DIR", null);
            return dir == null ? DatabaseSettings.defaultDataDirectory() : Path.of(dir);
        }

        /** Distinct days in ascending order, each a whole number from 0 to 3650. */
        List<Integer> days(String name) {
            String v = text(name, DEFAULT_FOLLOWUP_DAYS);
            TreeSet<Integer> days = new TreeSet<>();
            for (String part : v.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    int day = Integer.parseInt(part.strip());
                    if (day < 0 || day > 3650) {
                        throw new NumberFormatException();
                    }
                    days.add(day);
                } catch (NumberFormatException e) {
                    bad(name, "a comma-separated list of days from 0 to 3650");
                    return List.of(30, 60, 90);
                }
            }
            if (days.isEmpty()) {
                bad(name, "a comma-separated list of days from 0 to 3650");
                return List.of(30, 60, 90);
            }
            return new ArrayList<>(days);
        }
    }
}
