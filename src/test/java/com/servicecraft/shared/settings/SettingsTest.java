package com.servicecraft.shared.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every variable of README's settings table: its default, a good value, and a bad value that stops the start naming it. */
class SettingsTest {

    @Test
    void withNothingSetEveryDefaultApplies() {
        Settings s = Settings.from(Map.of());
        assertEquals(ZoneId.systemDefault(), s.timeZone());
        assertTrue(s.database().isEmbeddedH2());
        assertTrue(s.database().url().contains(Path.of(System.getProperty("user.home"), ".servicecraft", "servicecraft").toString()));
        assertEquals("sa", s.database().user());
        assertEquals("", s.database().password());
        assertEquals(10, s.database().maxPoolSize());
        assertEquals(3000, s.database().connectTimeoutMillis());
        assertNull(s.adminPassword());
        assertEquals(7, s.temporaryPasswordDays());
        assertFalse(s.demo());
        assertFalse(s.demoCohorts());
        assertNull(s.contentDir());
        assertEquals(Duration.ofSeconds(30), s.attemptSweepEvery());
        assertEquals(Duration.ofSeconds(900), s.reminderEvery());
        assertEquals(List.of(30, 60, 90), s.followUpDays());
        assertEquals(Duration.ofSeconds(300), s.followUpCheckEvery());
        assertFalse(s.mail().enabled());
        assertEquals(25, s.mail().port());
        assertNull(s.mail().user());
        assertNull(s.mail().password());
        assertFalse(s.mail().startTls());
        assertEquals("servicecraft@localhost", s.mail().from());
        assertEquals("http://localhost:8080", s.mail().baseUrl());
        assertEquals(60, s.mail().intervalSeconds());
        assertEquals("Servicecraft", s.organisationName());
        assertEquals(24, s.certificateValidMonths());
        assertEquals(Duration.ofSeconds(300), s.certificateSweepEvery());
        assertFalse(s.trustProxy());
        assertEquals(1.0, s.readingTimeFactor());
    }

    @Test
    void everyVariableIsRead() {
        Map<String, String> env = new HashMap<>();
        env.put("SERVICECRAFT_TIME_ZONE", " Asia/Shanghai ");
        env.put("SERVICECRAFT_DB_URL", "jdbc:mysql://db:3306/sc");
        env.put("SERVICECRAFT_DB_USER", "sc");
        env.put("SERVICECRAFT_DB_PASSWORD", "db-secret");
        env.put("SERVICECRAFT_DB_POOL_SIZE", "20");
        env.put("SERVICECRAFT_DB_CONNECT_TIMEOUT_MS", "1500");
        env.put("SERVICECRAFT_ADMIN_PASSWORD", "admin-secret");
        env.put("SERVICECRAFT_TEMP_PASSWORD_DAYS", "3");
        env.put("SERVICECRAFT_DEMO", "TRUE");
        env.put("SERVICECRAFT_DEMO_COHORTS", "true");
        env.put("SERVICECRAFT_CONTENT_DIR", "/srv/content");
        env.put("SERVICECRAFT_SWEEP_SECONDS", "5");
        env.put("SERVICECRAFT_REMINDER_SECONDS", "6");
        env.put("SERVICECRAFT_FOLLOWUP_DAYS", " 14, 0 ,14");
        env.put("SERVICECRAFT_FOLLOWUP_CHECK_SECONDS", "7");
        env.put("SERVICECRAFT_SMTP_HOST", "smtp.example.com");
        env.put("SERVICECRAFT_SMTP_PORT", "587");
        env.put("SERVICECRAFT_SMTP_USER", "mailer");
        env.put("SERVICECRAFT_SMTP_PASSWORD", "smtp-secret");
        env.put("SERVICECRAFT_SMTP_STARTTLS", "true");
        env.put("SERVICECRAFT_MAIL_FROM", "lms@example.com");
        env.put("SERVICECRAFT_BASE_URL", "https://lms.example.com//");
        env.put("SERVICECRAFT_MAIL_SECONDS", "8");
        env.put("SERVICECRAFT_ORGANISATION_NAME", "Example Hotels");
        env.put("SERVICECRAFT_CERT_VALID_MONTHS", "0");
        env.put("SERVICECRAFT_CERT_SWEEP_SECONDS", "9");
        env.put("SERVICECRAFT_TRUST_PROXY", "true");
        env.put("SERVICECRAFT_READING_TIME_FACTOR", "0.5");
        Settings s = Settings.from(env);
        assertEquals(ZoneId.of("Asia/Shanghai"), s.timeZone());
        assertEquals("jdbc:mysql://db:3306/sc", s.database().url());
        assertEquals("sc", s.database().user());
        assertEquals("db-secret", s.database().password());
        assertEquals(20, s.database().maxPoolSize());
        assertEquals(1500, s.database().connectTimeoutMillis());
        assertEquals("admin-secret", s.adminPassword());
        assertEquals(3, s.temporaryPasswordDays());
        assertTrue(s.demo());
        assertTrue(s.demoCohorts());
        assertEquals(Path.of("/srv/content"), s.contentDir());
        assertEquals(Duration.ofSeconds(5), s.attemptSweepEvery());
        assertEquals(Duration.ofSeconds(6), s.reminderEvery());
        assertEquals(List.of(0, 14), s.followUpDays());
        assertEquals(Duration.ofSeconds(7), s.followUpCheckEvery());
        assertEquals(new MailSettings("smtp.example.com", 587, "mailer", "smtp-secret", true, "lms@example.com",
                "https://lms.example.com", 8), s.mail());
        assertEquals("Example Hotels", s.organisationName());
        assertEquals(0, s.certificateValidMonths());
        assertEquals(Duration.ofSeconds(9), s.certificateSweepEvery());
        assertTrue(s.trustProxy());
        assertEquals(0.5, s.readingTimeFactor());

        String logged = s.toString();
        for (String secret : List.of("db-secret", "admin-secret", "smtp-secret")) {
            assertFalse(logged.contains(secret), "the log line hides " + secret + ": " + logged);
        }
        assertTrue(logged.contains("Asia/Shanghai") && logged.contains("smtp.example.com") && logged.contains("jdbc:mysql://db:3306/sc"), logged);
    }

    @Test
    void theDataDirectoryPlacesTheEmbeddedDatabase() {
        Settings s = Settings.from(Map.of("SERVICECRAFT_DATA_DIR", "/var/lib/sc"));
        assertTrue(s.database().url().startsWith("jdbc:h2:file:" + Path.of("/var/lib/sc/servicecraft").toAbsolutePath()), s.database().url());
    }

    @Test
    void aPasswordInTheDatabaseUrlIsNotLogged() {
        Settings s = Settings.from(Map.of("SERVICECRAFT_DB_URL", "jdbc:mysql://db/sc?user=sc&password=url-secret&useSSL=true"));
        assertFalse(s.toString().contains("url-secret"), s.toString());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "SERVICECRAFT_TIME_ZONE|Mars/Olympus",
            "SERVICECRAFT_DB_POOL_SIZE|many",
            "SERVICECRAFT_DB_POOL_SIZE|0",
            "SERVICECRAFT_DB_CONNECT_TIMEOUT_MS|100",
            "SERVICECRAFT_DB_CONNECT_TIMEOUT_MS|3s",
            "SERVICECRAFT_TEMP_PASSWORD_DAYS|0",
            "SERVICECRAFT_TEMP_PASSWORD_DAYS|soon",
            "SERVICECRAFT_TEMP_PASSWORD_DAYS|366",
            "SERVICECRAFT_DEMO|yes",
            "SERVICECRAFT_DEMO_COHORTS|1",
            "SERVICECRAFT_SWEEP_SECONDS|0",
            "SERVICECRAFT_SWEEP_SECONDS|30s",
            "SERVICECRAFT_REMINDER_SECONDS|-5",
            "SERVICECRAFT_FOLLOWUP_DAYS|30,x",
            "SERVICECRAFT_FOLLOWUP_DAYS|-1",
            "SERVICECRAFT_FOLLOWUP_DAYS|' , '",
            "SERVICECRAFT_FOLLOWUP_CHECK_SECONDS|often",
            "SERVICECRAFT_SMTP_PORT|70000",
            "SERVICECRAFT_SMTP_STARTTLS|on",
            "SERVICECRAFT_MAIL_SECONDS|0",
            "SERVICECRAFT_CERT_VALID_MONTHS|-1",
            "SERVICECRAFT_CERT_SWEEP_SECONDS|x",
            "SERVICECRAFT_TRUST_PROXY|maybe",
            "SERVICECRAFT_READING_TIME_FACTOR|fast",
            "SERVICECRAFT_READING_TIME_FACTOR|11",
            "SERVICECRAFT_READING_TIME_FACTOR|-1",
            "SERVICECRAFT_READING_TIME_FACTOR|NaN",
    })
    void aBadValueStopsTheStartNamingTheVariable(String variable, String value) {
        Settings.InvalidSettingsException e = assertThrows(Settings.InvalidSettingsException.class,
                () -> Settings.from(Map.of(variable, value)));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(variable + " must be "), e.getMessage());
        assertTrue(e.getMessage().contains(value.strip()), "the message shows the value: " + e.getMessage());
    }

    @Test
    void everyBadVariableIsNamedAtOnce() {
        Settings.InvalidSettingsException e = assertThrows(Settings.InvalidSettingsException.class,
                () -> Settings.from(Map.of("SERVICECRAFT_SWEEP_SECONDS", "x", "SERVICECRAFT_SMTP_PORT", "y")));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("SERVICECRAFT_SWEEP_SECONDS") && e.getMessage().contains("SERVICECRAFT_SMTP_PORT"), e.getMessage());
    }

    @Test
    void blankValuesMeanTheDefault() {
        Settings s = Settings.from(Map.of("SERVICECRAFT_SWEEP_SECONDS", " ", "SERVICECRAFT_TIME_ZONE", "", "SERVICECRAFT_ADMIN_PASSWORD", " "));
        assertEquals(Duration.ofSeconds(30), s.attemptSweepEvery());
        assertEquals(ZoneId.systemDefault(), s.timeZone());
        assertNull(s.adminPassword());
    }
}
