package com.servicecraft.assignment;

import com.servicecraft.notification.NotificationKind;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.shared.jobs.PeriodicJobs;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.shared.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reminds trainees of assignments they have not completed: DUE_SOON when the due date is at most
 * {@value #DUE_SOON_DAYS} days away, OVERDUE once it has passed. Runs every
 * {@code SERVICECRAFT_REMINDER_SECONDS} (default 900) on every node.
 *
 * <p>The dedup key holds the assignment id and the due date ({@code due3:assignment:17:2026-12-01},
 * {@code overdue:assignment:17:2026-12-01}), so a trainee never gets the same reminder twice and a
 * changed due date brings a new one. Several nodes may run at once: each reminder is inserted in its
 * own short transaction and the unique (user, dedup key) constraint decides who wrote it; the loser's
 * violation means "another node did it" and is skipped. No lease is needed, and a node that dies
 * half-way leaves only complete reminders behind.
 */
@ApplicationScoped
public class ReminderJob {
    private static final Logger LOG = Logger.getLogger(ReminderJob.class.getName());
    public static final int DUE_SOON_DAYS = 3;

    private Transactions tx;
    private Clock clock;
    private NotificationWriter notifications;
    private AssignmentProgress progress;
    private PeriodicJobs jobs;

    protected ReminderJob() {
    }

    @Inject
    public ReminderJob(Transactions tx, Clock clock, NotificationWriter notifications, AssignmentProgress progress, PeriodicJobs jobs) {
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.notifications = notifications;
        this.progress = progress;
    }

    /** What one run did. */
    public record Run(int created, int alreadyThere, int failed) {
    }

    public void start() {
        Duration every = Settings.current().reminderEvery();
        jobs.every("assignment-reminders", every.compareTo(Duration.ofMinutes(1)) < 0 ? every : Duration.ofMinutes(1), every,
                this::runLogged);
    }

    private void runLogged() {
        Run r = runOnce();
        if (r.created() > 0 || r.failed() > 0) {
            LOG.info(() -> "Reminders: " + r.created() + " created, " + r.failed() + " failed");
        }
    }

    private record Due(long userId, Assignment assignment, NotificationKind kind, String key) {
    }

    /** One pass: creates the reminders that are due and not yet there. */
    public Run runOnce() {
        LocalDate today = AssignmentService.today(clock);
        List<Due> wanted = tx.read(em -> {
            List<UserAssignment> candidates = EffectiveAssignments.dueBy(em, today.plusDays(DUE_SOON_DAYS));
            if (candidates.isEmpty()) {
                return List.<Due>of();
            }
            Set<Long> users = new HashSet<>();
            candidates.forEach(c -> users.add(c.userId()));
            Set<String> done = progress.completed(em, users, candidates);
            Set<String> existing = existingKeys(em, users);
            List<Due> out = new ArrayList<>();
            for (UserAssignment c : candidates) {
                Assignment a = c.assignment();
                if (done.contains(AssignmentProgress.key(c.userId(), a.getModuleId()))) {
                    continue;
                }
                boolean overdue = a.isOverdueOn(today);
                String key = (overdue ? "overdue" : "due" + DUE_SOON_DAYS) + ":assignment:" + a.getId() + ":" + a.getDueDate();
                if (!existing.contains(c.userId() + "|" + key)) {
                    out.add(new Due(c.userId(), a, overdue ? NotificationKind.OVERDUE : NotificationKind.DUE_SOON, key));
                }
            }
            return out;
        });
        int created = 0;
        int already = 0;
        int failed = 0;
        for (Due d : wanted) {
            try {
                boolean isNew = tx.inTransactionRetryingDeadlocks(em -> notifications.notify(em, d.userId(), d.kind(), d.key(),
                        Map.of("moduleId", d.assignment().getModuleId() == null ? "" : d.assignment().getModuleId(),
                                "dueDate", d.assignment().getDueDate().toString(),
                                "assignment", String.valueOf(d.assignment().getId())), "/index.xhtml"));
                if (isNew) {
                    created++;
                } else {
                    already++;
                }
            } catch (PersistenceException e) {
                if (isUniqueViolation(e)) {
                    already++;
                } else {
                    failed++;
                    LOG.log(Level.WARNING, "Reminder " + d.key() + " for user " + d.userId() + " failed", e);
                }
            }
        }
        return new Run(created, already, failed);
    }

    private static Set<String> existingKeys(EntityManager em, Set<Long> users) {
        Set<String> keys = new HashSet<>();
        List<Long> all = new ArrayList<>(users);
        for (int i = 0; i < all.size(); i += 1000) {
            em.createQuery("select n.userId, n.dedupKey from Notification n where n.kind in :k and n.userId in :u", Object[].class)
                    .setParameter("k", List.of(NotificationKind.DUE_SOON, NotificationKind.OVERDUE))
                    .setParameter("u", all.subList(i, Math.min(all.size(), i + 1000))).getResultList()
                    .forEach(r -> keys.add(r[0] + "|" + r[1]));
        }
        return keys;
    }

    /** A duplicate (user, dedup key): another node created the same reminder first. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
