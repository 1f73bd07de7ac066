package com.servicecraft.notification;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Language;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The signed-in user's own notifications: listed newest first, counted, marked read. Every query
 * is bound to the signed-in user's id, so nobody ever reads or marks anybody else's.
 */
@ApplicationScoped
public class NotificationInbox {
    private static final Logger LOG = Logger.getLogger(NotificationInbox.class.getName());

    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ContentRepository content;

    @Inject
    public NotificationInbox(Transactions tx, Clock clock, CurrentUser currentUser, ContentRepository content) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
        this.content = content;
    }

    /** One notification as a page shows it, in the reader's language. {@code link} is an application path or null. */
    public record Shown(long id, NotificationKind kind, String title, String text, String link, Instant createdAt, boolean read)
            implements Serializable {
    }

    public long count() {
        SignedInUser me = currentUser.require();
        return tx.read(em -> em.createQuery("select count(n) from Notification n where n.userId = :u", Long.class)
                .setParameter("u", me.id()).getSingleResult());
    }

    public long unreadCount() {
        SignedInUser me = currentUser.require();
        return tx.read(em -> em.createQuery("select count(n) from Notification n where n.userId = :u and n.readAt is null", Long.class)
                .setParameter("u", me.id()).getSingleResult());
    }

    /** A page of the user's notifications, newest first. */
    public List<Shown> page(int first, int size, Language lang) {
        SignedInUser me = currentUser.require();
        List<Notification> rows = tx.read(em -> em.createQuery(
                        "select n from Notification n where n.userId = :u order by n.createdAt desc, n.id desc", Notification.class)
                .setParameter("u", me.id()).setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, 100)))
                .getResultList());
        return rows.stream().map(n -> show(n, lang)).toList();
    }

    private Shown show(Notification n, Language lang) {
        NotificationTexts.Text t = NotificationTexts.render(n.getKind(), n.getParams(), content.course(), lang);
        return new Shown(n.getId(), n.getKind(), t.title(), t.body(), safeLink(n.getLink()), n.getCreatedAt(), n.getReadAt() != null);
    }

    /** Marks one of the user's own notifications read and returns its link (null when it has none). */
    public String open(long id) {
        SignedInUser me = currentUser.require();
        return tx.inTransaction(em -> {
            Notification n = em.find(Notification.class, id);
            if (n == null || n.getUserId() != me.id()) {
                LOG.warning(() -> "Refused: " + me.username() + " opened notification " + id + " of somebody else");
                throw new AccessDeniedException("notification " + id);
            }
            n.markRead(clock.instant());
            return safeLink(n.getLink());
        });
    }

    public int markAllRead() {
        SignedInUser me = currentUser.require();
        return tx.inTransaction(em -> em.createNativeQuery("update notification set read_at = ? where user_id = ? and read_at is null")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, me.id()).executeUpdate());
    }

    /** Only paths inside the application are ever linked: never another site, never a script. */
    static String safeLink(String link) {
        return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\") ? link : null;
    }
}
