package com.servicecraft.shared.settings;

/**
 * How notifications are mailed (part of {@link Settings}). Without {@code SERVICECRAFT_SMTP_HOST}
 * no mail is sent at all (notifications still appear in the application).
 *
 * @param baseUrl the application's address as users reach it, for the links in mails (no trailing slash)
 * @param intervalSeconds how often each node looks for mail to send
 */
public record MailSettings(String host, int port, String user, String password, boolean startTls, String from,
                           String baseUrl, long intervalSeconds) {

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    /** Settings with the password hidden, for logs. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", user=" + user + ", password=" + Settings.redacted(password)
                + ", startTls=" + startTls + ", from=" + from + ", baseUrl=" + baseUrl + ", every " + intervalSeconds + " s]";
    }
}
