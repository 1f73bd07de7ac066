package com.servicecraft.actionplan;

import com.servicecraft.shared.settings.Settings;
import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.Exercise;
import com.servicecraft.identity.AccessDeniedException;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.Hibernate;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Action plans: the trainee writes, submits and follows up their own plan; a trainer reviews the
 * plans of trainees in the groups they own (an administrator any plan). Every change is checked
 * against the version the page last saw, so two tabs or a double click never overwrite each
 * other's text; notifications are created in the same transaction as the change they report.
 */
@ApplicationScoped
public class ActionPlanService {
    private static final Logger LOG = Logger.getLogger(ActionPlanService.class.getName());

    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ContentRepository content;
    private final NotificationWriter notifications;
    private final List<Integer> followUpDays;

    @Inject
    public ActionPlanService(Transactions tx, Clock clock, CurrentUser currentUser, ContentRepository content, NotificationWriter notifications) {
        this(tx, clock, currentUser, content, notifications, Settings.current().followUpDays());
    }

    public ActionPlanService(Transactions tx, Clock clock, CurrentUser currentUser, ContentRepository content,
                             NotificationWriter notifications, List<Integer> followUpDays) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
        this.content = content;
        this.notifications = notifications;
        this.followUpDays = List.copyOf(followUpDays);
    }

    /** The course's action-plan template (goal fields with their prompts), if the content has one. */
    public Optional<Exercise> template() {
        Course course = content.course();
        return course == null || course.actionPlan() == null ? Optional.empty() : course.exercise(course.actionPlan());
    }

    public LocalDate today() {
        return OrganisationZone.today(clock);
    }

    // ---- the trainee -------------------------------------------------------------------------

    /** The signed-in trainee's plan, if they have started one. */
    public Optional<ActionPlan> mine() {
        SignedInUser me = currentUser.require();
        return tx.read(em -> find(em, me.id()).map(ActionPlanService::loaded));
    }

    /**
     * Saves the trainee's goals (save button or autosave). {@code expectedVersion} is the version
     * the page loaded (null before the first save). A save repeating what is stored succeeds
     * whatever the version; a save over someone else's newer text is refused, never merged.
     */
    public ActionPlan saveMine(Long expectedVersion, List<Map<GoalField, String>> goals) {
        SignedInUser me = currentUser.require();
        return change(me.id(), expectedVersion, goals, (em, plan) -> {
        });
    }

    /** Saves and submits in one step; the owners of the trainee's groups are notified. */
    public ActionPlan submitMine(Long expectedVersion, List<Map<GoalField, String>> goals) {
        SignedInUser me = currentUser.require();
        return change(me.id(), expectedVersion, goals, (em, plan) -> {
            if (plan.getStatus() == ActionPlanStatus.SUBMITTED) {
                return; // a double click: the first click submitted exactly this
            }
            plan.submit(me.id(), clock.instant());
            em.flush();
            String trainee = displayName(em, me.id());
            for (long trainer : TrainerScope.trainersOf(em, me.id())) {
                notifications.notify(em, trainer, NotificationKind.ACTION_PLAN_SUBMITTED,
                        "actionplan:" + plan.getId() + ":submitted:" + plan.submissions(),
                        Map.of("trainee", trainee), "/trainer/action-plans.xhtml?plan=" + plan.getId());
            }
        });
    }

    private interface Step {
        void apply(EntityManager em, ActionPlan plan);
    }

    private ActionPlan change(long userId, Long expectedVersion, List<Map<GoalField, String>> goals, Step then) {
        try {
            return tx.inTransaction(em -> {
                Optional<ActionPlan> existing = findForUpdate(em, userId);
                ActionPlan plan;
                if (existing.isEmpty()) {
                    plan = ActionPlan.start(userId, moduleVersion(), clock.instant());
                    plan.edit(goals, clock.instant());
                    em.persist(plan);
                } else {
                    plan = existing.get();
                    boolean same = plan.hasGoals(goals);
                    if (expectedVersion == null || plan.getVersion() != expectedVersion) {
                        if (!same) {
                            throw new UserInputException("actionPlan.error.stale");
                        }
                    } else if (!same) {
                        plan.edit(goals, clock.instant());
                        bumpVersion(em, plan);
                    }
                }
                then.apply(em, plan);
                em.flush();
                return loaded(plan);
            });
        } catch (OptimisticLockException e) {
            throw new UserInputException("actionPlan.error.stale");
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                // Two first saves at once: the unique user_id kept one of them.
                throw new UserInputException("actionPlan.error.stale");
            }
            throw e;
        }
    }

    /** Records the trainee's progress against every goal at the follow-up of {@code day}. */
    public ActionPlan recordFollowUp(long expectedVersion, int day, Map<Integer, ActionPlan.Progress> progress) {
        SignedInUser me = currentUser.require();
        try {
            return tx.inTransaction(em -> {
                ActionPlan plan = findForUpdate(em, me.id()).orElseThrow(() -> new UserInputException("actionPlan.error.notApproved"));
                if (plan.getVersion() != expectedVersion) {
                    throw new UserInputException("actionPlan.error.stale");
                }
                plan.recordFollowUp(day, progress, today(), clock.instant());
                bumpVersion(em, plan);
                em.flush();
                return loaded(plan);
            });
        } catch (OptimisticLockException e) {
            throw new UserInputException("actionPlan.error.stale");
        }
    }

    // ---- the trainer -------------------------------------------------------------------------

    /** A plan as a trainer sees it in the list: who, where it stands, and its follow-ups. */
    public record ReviewRow(Long planId, long traineeId, String traineeName, ActionPlanStatus status, Instant submittedAt,
                            Instant approvedAt, int followUpsRecorded, int followUpsDue, int followUpsOverdue,
                            LocalDate nextDue) {
    }

    /** Trainees of the signed-in trainer's groups with their plans (an administrator: every plan). */
    public List<ReviewRow> reviewList() {
        SignedInUser me = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        LocalDate today = today();
        return tx.read(em -> {
            List<Long> trainees;
            if (me.hasRole(Role.ADMIN)) {
                trainees = em.createQuery("select p.userId from ActionPlan p", Long.class).getResultList();
            } else {
                trainees = reviewListOf(em, me.id());
            }
            if (trainees.isEmpty()) {
                return List.<ReviewRow>of();
            }
            Map<Long, ActionPlan> plans = new HashMap<>();
            em.createQuery("select p from ActionPlan p where p.userId in :u", ActionPlan.class).setParameter("u", trainees)
                    .getResultList().forEach(p -> plans.put(p.getUserId(), p));
            Map<Long, String> names = displayNames(em, trainees);
            List<ReviewRow> rows = new ArrayList<>();
            for (long t : trainees) {
                ActionPlan p = plans.get(t);
                if (p == null) {
                    rows.add(new ReviewRow(null, t, names.getOrDefault(t, "#" + t), null, null, null, 0, 0, 0, null));
                    continue;
                }
                int recorded = 0, due = 0, overdue = 0;
                LocalDate next = null;
                for (FollowUp f : p.getFollowUps()) {
                    switch (f.state(today)) {
                        case RECORDED -> recorded++;
                        case DUE -> due++;
                        case OVERDUE -> overdue++;
                        case UPCOMING -> next = next == null || f.getDueDate().isBefore(next) ? f.getDueDate() : next;
                    }
                }
                rows.add(new ReviewRow(p.getId(), t, names.getOrDefault(t, "#" + t), p.getStatus(), p.getSubmittedAt(),
                        p.getApprovedAt(), recorded, due, overdue, next));
            }
            rows.sort((a, b) -> {
                int sa = a.status() == ActionPlanStatus.SUBMITTED ? 0 : 1, sb = b.status() == ActionPlanStatus.SUBMITTED ? 0 : 1;
                return sa != sb ? sa - sb : a.traineeName().compareToIgnoreCase(b.traineeName());
            });
            return rows;
        });
    }

    /** A plan for review; only for a trainer who owns a group of its trainee, or an administrator. */
    public ActionPlan forReview(long planId) {
        SignedInUser me = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        return tx.read(em -> loaded(reviewable(em, me, planId)));
    }

    /** The trainer sends the plan back with a comment; the trainee is notified. */
    public ActionPlan returnPlan(long planId, long expectedVersion, String comment) {
        SignedInUser me = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        return review(me, planId, expectedVersion, (em, plan) -> {
            plan.returnForChanges(me.id(), comment, clock.instant());
            notifications.notify(em, plan.getUserId(), NotificationKind.ACTION_PLAN_RETURNED,
                    "actionplan:" + plan.getId() + ":returned:" + plan.submissions(),
                    Map.of("trainer", me.displayName()), "/learn/action-plan.xhtml");
        });
    }

    /** The trainer approves the plan; its follow-ups are scheduled and the trainee is notified. */
    public ActionPlan approve(long planId, long expectedVersion, String comment) {
        SignedInUser me = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        return review(me, planId, expectedVersion, (em, plan) -> {
            plan.approve(me.id(), comment, followUpDays, today(), clock.instant());
            notifications.notify(em, plan.getUserId(), NotificationKind.ACTION_PLAN_APPROVED,
                    "actionplan:" + plan.getId() + ":approved", Map.of("trainer", me.displayName()), "/learn/action-plan.xhtml");
        });
    }

    private ActionPlan review(SignedInUser me, long planId, long expectedVersion, Step step) {
        try {
            return tx.inTransaction(em -> {
                ActionPlan plan = reviewable(em, me, planId);
                em.lock(plan, LockModeType.PESSIMISTIC_WRITE);
                em.refresh(plan);
                if (plan.getVersion() != expectedVersion) {
                    throw new UserInputException("actionPlan.error.stale");
                }
                step.apply(em, plan);
                em.flush();
                return loaded(plan);
            });
        } catch (OptimisticLockException e) {
            throw new UserInputException("actionPlan.error.stale");
        }
    }

    private ActionPlan reviewable(EntityManager em, SignedInUser me, long planId) {
        ActionPlan plan = em.find(ActionPlan.class, planId);
        // Not found and not yours look the same: an id tells nothing about other trainers' trainees.
        if (plan == null || !TrainerScope.mayActFor(em, me, plan.getUserId())) {
            throw new AccessDeniedException(me.username() + " may not review action plan " + planId);
        }
        return plan;
    }

    // ---- follow-up reminders -----------------------------------------------------------------

    /**
     * Creates the FOLLOW_UP_DUE notification of every follow-up whose date has come, once: each in
     * its own transaction; on several nodes the notification's unique key lets one insert win and
     * the loser counts it as done.
     */
    public int notifyDueFollowUps() {
        LocalDate today = today();
        List<Object[]> due = tx.read(em -> em.createQuery(
                        "select f.id, p.id, p.userId, f.day, f.dueDate from FollowUp f join f.plan p"
                                + " where f.notifiedAt is null and f.dueDate <= :today and p.status = :approved", Object[].class)
                .setParameter("today", today).setParameter("approved", ActionPlanStatus.APPROVED).getResultList());
        int created = 0;
        for (Object[] row : due) {
            long followUpId = (Long) row[0];
            long planId = (Long) row[1];
            long userId = (Long) row[2];
            int day = (Integer) row[3];
            LocalDate dueDate = (LocalDate) row[4];
            try {
                boolean fresh = tx.inTransaction(em -> {
                    boolean n = notifications.notify(em, userId, NotificationKind.FOLLOW_UP_DUE, "followup:" + planId + ":" + day,
                            Map.of("day", String.valueOf(day), "dueDate", dueDate.toString()), "/learn/action-plan.xhtml");
                    markNotified(em, followUpId);
                    return n;
                });
                created += fresh ? 1 : 0;
            } catch (PersistenceException e) {
                if (!isConstraintViolation(e)) {
                    LOG.log(Level.WARNING, "Follow-up reminder " + followUpId + " failed; tried again on the next run", e);
                    continue;
                }
                // Another node created the same notification a moment earlier: done.
                tx.run(em -> markNotified(em, followUpId));
            }
        }
        return created;
    }

    private void markNotified(EntityManager em, long followUpId) {
        em.createQuery("update FollowUp f set f.notifiedAt = :now where f.id = :id and f.notifiedAt is null")
                .setParameter("now", clock.instant()).setParameter("id", followUpId).executeUpdate();
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Display names by user id, for pages and PDFs. */
    public Map<Long, String> names(Collection<Long> userIds) {
        return userIds.isEmpty() ? Map.of() : tx.read(em -> displayNames(em, userIds));
    }

    private static Map<Long, String> displayNames(EntityManager em, Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        em.createQuery("select u from User u where u.id in :ids", User.class).setParameter("ids", ids)
                .getResultList().forEach(u -> names.put(u.getId(), u.getDisplayName()));
        return names;
    }

    private static String displayName(EntityManager em, long id) {
        User u = em.find(User.class, id);
        return u == null ? "#" + id : u.getDisplayName();
    }

    /**
     * Whom a trainer's review list shows: the members of the trainer's active groups (with or
     * without a plan), and every other trainee with a plan the trainer acts for ({@link TrainerScope}).
     */
    static List<Long> reviewListOf(EntityManager em, long trainerId) {
        List<?> ids = em.createNativeQuery("select gm.user_id from group_member gm join training_group g on g.id = gm.group_id"
                        + " where g.owner_id = ? and g.archived_at is null"
                        + " union select p.user_id from action_plan p where " + TrainerScope.condition("p.user_id"))
                .setParameter(1, trainerId).setParameter(2, trainerId).getResultList();
        return ids.stream().map(o -> ((Number) o).longValue()).distinct().toList();
    }

    /** The trainee's plan, its row locked until the transaction ends: changes to one plan queue up. */
    private static Optional<ActionPlan> findForUpdate(EntityManager em, long userId) {
        return em.createQuery("select p from ActionPlan p where p.userId = :u", ActionPlan.class)
                .setParameter("u", userId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** Goals and follow-up entries are rows of their own: a change to them is a new version of the plan too. */
    private static void bumpVersion(EntityManager em, ActionPlan plan) {
        if (em.contains(plan)) {
            em.lock(plan, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
    }

    private static Optional<ActionPlan> find(EntityManager em, long userId) {
        return em.createQuery("select p from ActionPlan p where p.userId = :u", ActionPlan.class)
                .setParameter("u", userId).getResultStream().findFirst();
    }

    private String moduleVersion() {
        Course course = content.course();
        return template().flatMap(t -> course.module(t.moduleId())).map(m -> m.version()).orElse("-");
    }

    /** Loads what pages read from a plan after its EntityManager is closed. */
    private static ActionPlan loaded(ActionPlan plan) {
        Hibernate.initialize(plan.getGoals());
        Hibernate.initialize(plan.getEvents());
        plan.getFollowUps().forEach(f -> Hibernate.initialize(f.getEntries()));
        return plan;
    }

    static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
