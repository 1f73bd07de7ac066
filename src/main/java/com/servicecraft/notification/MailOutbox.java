package com.servicecraft.notification;

import com.servicecraft.shared.settings.MailSettings;
import com.servicecraft.shared.settings.Settings;
import com.servicecraft.shared.LogSafe;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.User;
import com.servicecraft.shared.jobs.PeriodicJobs;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.shared.web.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mails PENDING notifications, every {@code SERVICECRAFT_MAIL_SECONDS} on every node. A node first
 * claims a notification with a conditional UPDATE (its id and a lease, only while nobody holds an
 * unexpired claim), sends it in the recipient's language, then marks it SENT; so nodes and
 * threads running at once never send the same mail twice. A failed send is retried later (the
 * lease doubles as the back-off) and given up as FAILED after {@value #MAX_ATTEMPTS} tries. A
 * user who switched e-mail off, or has no address, gets SKIPPED; so does a notification that
 * waited longer than {@link #STALE} (say, while mail was switched off), rather than arriving late.
 * A node that dies between handing a mail to the server and marking it may send it again once
 * its lease ran out: at least once, and exactly once whenever the node survives.
 */
@ApplicationScoped
public class MailOutbox {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
    static final int MAX_ATTEMPTS = 5;
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration STALE = Duration.ofDays(7);
    private static final int BATCH = 50;

    private final Transactions tx;
    private final Clock clock;
    private final ContentRepository content;
    private final MailSettings settings;
    private final Mailer mailer;
    private final String node;
    private final PeriodicJobs jobs;

    @Inject
    public MailOutbox(Transactions tx, Clock clock, ContentRepository content, PeriodicJobs jobs) {
        this(tx, clock, content, Settings.current().mail(), jobs);
    }

    /** Outside the container (tests): its own jobs. */
    public MailOutbox(Transactions tx, Clock clock, ContentRepository content, MailSettings settings) {
        this(tx, clock, content, settings, new PeriodicJobs());
    }

    public MailOutbox(Transactions tx, Clock clock, ContentRepository content, MailSettings settings, PeriodicJobs jobs) {
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.content = content;
        this.settings = settings;
        this.mailer = settings.enabled() ? new Mailer(settings) : null;
        this.node = nodeName();
    }

    public void start() {
        if (!settings.enabled()) {
            LOG.info("E-mail is off (no SERVICECRAFT_SMTP_HOST): notifications are shown in the application only");
            return;
        }
        LOG.info(() -> "Mailing notifications as " + node + " with " + settings);
        Duration every = Duration.ofSeconds(settings.intervalSeconds());
        jobs.every("mail-outbox", every, every, this::runLogged);
    }

    private void runLogged() {
        int sent = runOnce();
        if (sent > 0) {
            LOG.info(() -> "Mailed " + sent + " notification(s)");
        }
    }

    /** One pass: claims what is due, sends it, marks it. Returns the number of mails sent by this call. */
    public int runOnce() {
        if (mailer == null) {
            return 0;
        }
        int sent = 0;
        for (int round = 0; round < 20; round++) {
            Instant now = clock.instant();
            List<Long> due = tx.read(em -> em.createQuery("select n.id from Notification n where n.mailStatus = :p"
                            + " and (n.mailClaimedUntil is null or n.mailClaimedUntil < :now) order by n.id", Long.class)
                    .setParameter("p", MailStatus.PENDING).setParameter("now", now).setMaxResults(BATCH).getResultList());
            for (long id : due) {
                if (claim(id, now)) {
                    sent += deliver(id) ? 1 : 0;
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return sent;
    }

    /** The conditional UPDATE: true when this node now holds the notification's claim. */
    boolean claim(long id, Instant now) {
        return tx.inTransactionRetryingDeadlocks(em -> {
            em.createNativeQuery("select id from notification where id = ? for update").setParameter(1, id).getResultList();
            return em.createNativeQuery("update notification set mail_claimed_by = ?, mail_claimed_until = ? where id = ?"
                            + " and mail_status = 'PENDING' and (mail_claimed_until is null or mail_claimed_until < ?)")
                    .setParameter(1, node).setParameter(2, Timestamp.from(now.plus(LEASE))).setParameter(3, id)
                    .setParameter(4, Timestamp.from(now)).executeUpdate() == 1;
        });
    }

    private record Letter(String to, String subject, String text) {
    }

    private boolean deliver(long id) {
        Instant now = clock.instant();
        Object prepared = tx.read(em -> {
            Notification n = em.find(Notification.class, id);
            User u = em.find(User.class, n.getUserId());
            if (u == null || !u.isActive() || !u.isEmailNotifications() || u.getEmail() == null || u.getEmail().isBlank()) {
                return MailStatus.SKIPPED;
            }
            if (n.getCreatedAt().isBefore(now.minus(STALE))) {
                return MailStatus.SKIPPED;
            }
            return letter(n, u);
        });
        if (prepared instanceof MailStatus skipped) {
            finish(id, skipped, false);
            return false;
        }
        Letter letter = (Letter) prepared;
        try {
            mailer.send(letter.to(), letter.subject(), letter.text());
            finish(id, MailStatus.SENT, true);
            return true;
        } catch (AddressException e) {
            LOG.warning(() -> "Notification " + id + " not mailed: bad address " + LogSafe.text(letter.to()));
            finish(id, MailStatus.FAILED, true);
            return false;
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Notification " + id + " not mailed this time: " + e.getMessage(), e);
            retryLater(id, now);
            return false;
        }
    }

    private Letter letter(Notification n, User u) {
        Language lang = u.getPreferredLanguage() == null ? Language.ZH_CN : u.getPreferredLanguage();
        NotificationTexts.Text t = NotificationTexts.render(n.getKind(), n.getParams(), content.course(), lang);
        StringBuilder body = new StringBuilder();
        body.append(Messages.text(lang.locale(), "mail.greeting", u.getDisplayName())).append("\n\n").append(t.body()).append("\n");
        String link = NotificationInbox.safeLink(n.getLink());
        if (link != null) {
            body.append("\n").append(Messages.text(lang.locale(), "mail.open")).append("\n").append(settings.baseUrl()).append(link).append("\n");
        }
        body.append("\n-- \n").append(Messages.text(lang.locale(), "mail.footer")).append("\n")
                .append(settings.baseUrl()).append("/account/settings.xhtml\n");
        return new Letter(u.getEmail(), t.title(), body.toString());
    }

    /**
     * Marks the claimed notification. Retried on a deadlock like the claim: after a mail went out, a
     * mark lost to a deadlock would leave the claim to run out and the mail to be sent again.
     */
    private void finish(long id, MailStatus status, boolean attempted) {
        tx.inTransactionRetryingDeadlocks(em -> {
            var q = status == MailStatus.SENT
                    ? em.createNativeQuery("update notification set mail_status = 'SENT', mail_sent_at = ?, mail_claimed_until = null,"
                            + " mail_attempts = mail_attempts + 1 where id = ? and mail_claimed_by = ? and mail_status = 'PENDING'")
                    .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, id).setParameter(3, node)
                    : em.createNativeQuery("update notification set mail_status = ?, mail_claimed_until = null,"
                            + " mail_attempts = mail_attempts + ? where id = ? and mail_claimed_by = ? and mail_status = 'PENDING'")
                    .setParameter(1, status.name()).setParameter(2, attempted ? 1 : 0).setParameter(3, id).setParameter(4, node);
            return q.executeUpdate();
        });
    }

    /** Keeps it PENDING with the lease moved to the next try (1, 2, 4, 8 … minutes), or FAILED after the last. */
    private void retryLater(long id, Instant now) {
        tx.inTransactionRetryingDeadlocks(em -> {
            Number tried = (Number) em.createNativeQuery("select mail_attempts from notification where id = ?").setParameter(1, id).getSingleResult();
            int attempts = tried.intValue() + 1;
            Instant next = now.plus(Duration.ofMinutes(1L << Math.min(attempts - 1, 6)));
            return em.createNativeQuery("update notification set mail_attempts = ?, mail_status = ?, mail_claimed_until = ?"
                            + " where id = ? and mail_claimed_by = ? and mail_status = 'PENDING'")
                    .setParameter(1, attempts).setParameter(2, attempts >= MAX_ATTEMPTS ? MailStatus.FAILED.name() : MailStatus.PENDING.name())
                    .setParameter(3, Timestamp.from(next)).setParameter(4, id).setParameter(5, node).executeUpdate();
        });
    }

    /** This node's name in claims: the host and a random suffix, so two JVMs on one host differ too. */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 64 ? name.substring(name.length() - 64) : name;
    }

    String node() {
        return node;
    }
}
