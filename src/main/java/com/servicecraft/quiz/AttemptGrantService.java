package com.servicecraft.quiz;

import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.TrainerScope;
import com.servicecraft.identity.User;
import com.servicecraft.notification.NotificationKind;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Extra attempts a trainer grants a trainee, with the reason; every grant is kept as history. A
 * trainer grants to and sees the history of the trainees they answer for ({@link TrainerScope});
 * an administrator, everybody's. The trainee is told (a notification with a link to the quiz).
 */
@ApplicationScoped
public class AttemptGrantService {
    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final AttemptPlans plans;
    private final NotificationWriter notifications;

    @Inject
    public AttemptGrantService(Transactions tx, Clock clock, CurrentUser currentUser, AttemptPlans plans, NotificationWriter notifications) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
        this.plans = plans;
        this.notifications = notifications;
    }

    public record GrantRow(String username, String displayName, String kind, String sourceId, int extra, String reason,
                           String grantedBy, Instant grantedAt) {
    }

    public void grant(String username, AttemptKind kind, String sourceId, int extra, String reason) {
        SignedInUser trainer = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        if (extra < 1 || extra > 5) {
            throw new UserInputException("grant.badCount");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new UserInputException("grant.reasonRequired");
        }
        plans.plan(kind, sourceId);
        tx.run(em -> {
            User trainee = em.createQuery("select u from User u where lower(u.username) = :n", User.class)
                    .setParameter("n", username == null ? "" : username.trim().toLowerCase(Locale.ROOT))
                    .getResultStream().findFirst().filter(u -> u.hasRole(Role.TRAINEE))
                    .orElseThrow(() -> new UserInputException("grant.unknownTrainee"));
            if (!TrainerScope.mayActFor(em, trainer, trainee.getId())) {
                throw new UserInputException("grant.notYourTrainee", trainee.getUsername());
            }
            em.createNativeQuery("insert into attempt_grant (user_id, kind, source_id, extra_attempts, reason, granted_by, granted_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, trainee.getId()).setParameter(2, kind.name()).setParameter(3, sourceId)
                    .setParameter(4, extra).setParameter(5, reason.strip()).setParameter(6, trainer.id())
                    .setParameter(7, Timestamp.from(clock.instant())).executeUpdate();
            Number grantId = (Number) em.createNativeQuery("select max(id) from attempt_grant where user_id = ?")
                    .setParameter(1, trainee.getId()).getSingleResult();
            notifications.notify(em, trainee.getId(), NotificationKind.ATTEMPTS_GRANTED, "granted:" + grantId,
                    Map.of("workKind", kind.name(), "sourceId", sourceId, "extra", String.valueOf(extra)),
                    kind == AttemptKind.POST_TEST ? "/learn/quiz.xhtml?postTest=true"
                            : kind == AttemptKind.MODULE_QUIZ ? "/learn/quiz.xhtml?module=" + sourceId : "/learn/quiz.xhtml?exercise=" + sourceId);
        });
    }

    /** Every grant, newest first. */
    public List<GrantRow> history() {
        return history(null);
    }

    /** The grants of one trainee (a user name; blank: of all), newest first, as far as the caller answers for them. */
    public List<GrantRow> history(String username) {
        SignedInUser me = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        boolean all = me.hasRole(Role.ADMIN);
        String name = username == null || username.isBlank() ? null : username.trim().toLowerCase(Locale.ROOT);
        List<?> rows = tx.read(em -> {
            var q = em.createNativeQuery("select t.username, t.display_name, g.kind, g.source_id, g.extra_attempts, g.reason,"
                    + " b.username, g.granted_at from attempt_grant g join app_user t on t.id = g.user_id join app_user b on b.id = g.granted_by"
                    + " where 1 = 1" + (name == null ? "" : " and lower(t.username) = ?")
                    + (all ? "" : " and " + TrainerScope.condition("g.user_id"))
                    + " order by g.granted_at desc, g.id desc");
            int p = 1;
            if (name != null) {
                q.setParameter(p++, name);
            }
            if (!all) {
                q.setParameter(p, me.id());
            }
            return q.setMaxResults(200).getResultList();
        });
        return rows.stream().map(r -> (Object[]) r).map(r -> new GrantRow((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), (String) r[5], (String) r[6], com.servicecraft.shared.persistence.SqlValues.instant(r[7]))).toList();
    }

}
