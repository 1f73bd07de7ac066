package com.servicecraft.notification;

import java.util.Map;

/**
 * How notifications are mailed, read from the environment. Without {@code SERVICECRAFT_SMTP_HOST}
 * no mail is sent at all (notifications still appear in the application).
 *
 * @param baseUrl the application's address as users reach it, for the links in mails (no trailing slash)
 * @param intervalSeconds how often each node looks for mail to send
 */
public record MailSettings(String host, int port, String user, String password, boolean startTls, String from,
                           String baseUrl, long intervalSeconds) {

    public static MailSettings fromEnvironment() {
        return from(System.getenv());
    }

    static MailSettings from(Map<String, String> env) {
        String base = env.getOrDefault("SERVICECRAFT_BASE_URL", "http://localhost:8080").strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new MailSettings(env.getOrDefault("SERVICECRAFT_SMTP_HOST", "").strip(),
                Integer.parseInt(env.getOrDefault("SERVICECRAFT_SMTP_PORT", "25").strip()),
                blankToNull(env.get("SERVICECRAFT_SMTP_USER")), blankToNull(env.get("SERVICECRAFT_SMTP_PASSWORD")),
                Boolean.parseBoolean(env.getOrDefault("SERVICECRAFT_SMTP_STARTTLS", "false").strip()),
                env.getOrDefault("SERVICECRAFT_MAIL_FROM", "servicecraft@localhost").strip(), base,
                Math.max(1, Long.parseLong(env.getOrDefault("SERVICECRAFT_MAIL_SECONDS", "60").strip())));
    }

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Settings with the password hidden, for logs. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", user=" + user + ", startTls=" + startTls + ", from=" + from
                + ", baseUrl=" + baseUrl + ", every " + intervalSeconds + " s]";
    }
}
