package com.servicecraft.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.servicecraft.identity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates notifications inside the caller's transaction, so a notification exists exactly when
 * the change it reports was committed. A second call with the same (user, dedup key) does nothing.
 */
@ApplicationScoped
public class NotificationWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    @Inject
    public NotificationWriter(Clock clock) {
        this.clock = clock;
    }

    /** @return true when the notification was new */
    public boolean notify(EntityManager em, long userId, NotificationKind kind, String dedupKey, Map<String, String> params, String link) {
        Long existing = em.createQuery("select count(n) from Notification n where n.userId = :u and n.dedupKey = :k", Long.class)
                .setParameter("u", userId).setParameter("k", dedupKey).getSingleResult();
        if (existing > 0) {
            return false;
        }
        User user = em.find(User.class, userId);
        boolean mail = user != null && user.isActive() && user.isEmailNotifications()
                && user.getEmail() != null && !user.getEmail().isBlank();
        em.persist(new Notification(userId, kind, dedupKey, json(params), link, mail, clock.instant()));
        return true;
    }

    private static String json(Map<String, String> params) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
