package com.servicecraft.assignment;

import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.TrainerScope;
import com.servicecraft.identity.User;
import com.servicecraft.notification.NotificationKind;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Assigning the course or single modules to a group or a trainee, changing the dates and
 * withdrawing; every change is kept as an {@link AssignmentEvent}. A request is checked as a
 * whole before anything is written, so bad input changes nothing. Each new assignment notifies its
 * trainees in the same transaction.
 */
@ApplicationScoped
public class AssignmentService {
    /** Field path of the modules to assign, named when none is chosen. */
    public static final String MODULES = "modules";

    private static final Logger LOG = Logger.getLogger(AssignmentService.class.getName());

    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ContentRepository content;
    private final NotificationWriter notifications;

    @Inject
    public AssignmentService(Transactions tx, Clock clock, CurrentUser currentUser, ContentRepository content, NotificationWriter notifications) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
        this.content = content;
        this.notifications = notifications;
    }

    /** An assignment as the group page lists it. */
    public record AssignmentRow(long id, Long groupId, Long userId, String traineeName, String moduleId, LocalDate startDate,
                                LocalDate dueDate, AssignmentStatus status, Instant createdAt) implements java.io.Serializable {
        public boolean isCourse() {
            return moduleId == null;
        }

        public boolean isActive() {
            return status == AssignmentStatus.ACTIVE;
        }
    }

    public record EventRow(AssignmentEvent.Kind event, LocalDate startDate, LocalDate dueDate, String note, String actor, Instant at) implements java.io.Serializable {
    }

    /** Today's date in the organisation's zone. */
    public LocalDate today() {
        return today(clock);
    }

    public static LocalDate today(Clock clock) {
        return OrganisationZone.today(clock);
    }

    /**
     * Assigns modules (a null entry: the whole course) to every member of a group, now and later.
     * @return the new assignments' ids
     */
    public List<Long> assignToGroup(long groupId, Collection<String> moduleIds, LocalDate start, LocalDate due) {
        SignedInUser me = trainer();
        List<String> modules = checkModules(moduleIds);
        Assignment.checkDates(start, due, today());
        return tx.inTransaction(em -> {
            GroupService.manageable(em, me, groupId);
            List<Long> members = em.createQuery("select m.userId from GroupMember m where m.groupId = :g", Long.class)
                    .setParameter("g", groupId).getResultList();
            if (members.isEmpty()) {
                throw new UserInputException("assignment.emptyGroup");
            }
            List<Assignment> existing = em.createQuery("select a from Assignment a where a.groupId = :g and a.status = :s", Assignment.class)
                    .setParameter("g", groupId).setParameter("s", AssignmentStatus.ACTIVE).getResultList();
            refuseDuplicates(existing, modules);
            List<Long> ids = new ArrayList<>();
            for (String m : modules) {
                Assignment a = Assignment.toGroup(groupId, m, start, due, today(), me.id(), clock.instant());
                ids.add(created(em, a, me, members));
            }
            return ids;
        });
    }

    /** Assigns modules to one trainee, whom the trainer must act for ({@link TrainerScope}; any trainee for an administrator). */
    public List<Long> assignToTrainee(long userId, Collection<String> moduleIds, LocalDate start, LocalDate due) {
        SignedInUser me = trainer();
        List<String> modules = checkModules(moduleIds);
        Assignment.checkDates(start, due, today());
        return tx.inTransaction(em -> {
            User trainee = em.find(User.class, userId);
            if (trainee == null || !trainee.isActive() || !trainee.hasRole(Role.TRAINEE) || !TrainerScope.mayActFor(em, me, userId)) {
                LOG.warning(() -> "Refused: " + me.username() + " tried to assign to user " + userId);
                throw new AccessDeniedException("trainee " + userId);
            }
            List<Assignment> existing = em.createQuery("select a from Assignment a where a.userId = :u and a.status = :s", Assignment.class)
                    .setParameter("u", userId).setParameter("s", AssignmentStatus.ACTIVE).getResultList();
            refuseDuplicates(existing, modules);
            List<Long> ids = new ArrayList<>();
            for (String m : modules) {
                ids.add(created(em, Assignment.toTrainee(userId, m, start, due, today(), me.id(), clock.instant()), me, List.of(userId)));
            }
            return ids;
        });
    }

    private long created(EntityManager em, Assignment a, SignedInUser me, List<Long> trainees) {
        em.persist(a);
        em.flush();
        em.persist(new AssignmentEvent(a, AssignmentEvent.Kind.CREATED, null, me.id(), clock.instant()));
        Map<String, String> params = Map.of("moduleId", a.getModuleId() == null ? "" : a.getModuleId(),
                "dueDate", a.getDueDate().toString(), "assignment", String.valueOf(a.getId()));
        for (Long t : trainees) {
            notifications.notify(em, t, NotificationKind.ASSIGNMENT_NEW, "assigned:" + a.getId(), params, "/index.xhtml");
        }
        return a.getId();
    }

    private List<String> checkModules(Collection<String> moduleIds) {
        if (moduleIds == null || moduleIds.isEmpty()) {
            throw new UserInputException(List.of(new FieldProblem(MODULES, "assignment.nothingSelected")));
        }
        Course course = content.course();
        List<String> out = new ArrayList<>(new LinkedHashSet<>(moduleIds));
        for (String m : out) {
            if (m != null && (course == null || course.module(m).isEmpty())) {
                throw new UserInputException("assignment.unknownModule", m);
            }
        }
        return out;
    }

    private void refuseDuplicates(List<Assignment> existing, List<String> modules) {
        for (String m : modules) {
            if (existing.stream().anyMatch(a -> Objects.equals(a.getModuleId(), m))) {
                throw new UserInputException("assignment.duplicate", title(m));
            }
        }
    }

    /** The module's (or the course's) title in Chinese and English, for messages. */
    private String title(String moduleId) {
        Course course = content.course();
        if (course == null) {
            return String.valueOf(moduleId);
        }
        if (moduleId == null) {
            return course.title().in(com.servicecraft.identity.Language.EN);
        }
        return course.module(moduleId).map(m -> m.title().in(com.servicecraft.identity.Language.EN)).orElse(moduleId);
    }

    public void reschedule(long assignmentId, LocalDate start, LocalDate due, String note) {
        SignedInUser me = trainer();
        tx.run(em -> {
            Assignment a = manageable(em, me, assignmentId);
            a.reschedule(start, due, today(), clock.instant());
            em.persist(new AssignmentEvent(a, AssignmentEvent.Kind.CHANGED, note, me.id(), clock.instant()));
        });
    }

    public void withdraw(long assignmentId, String note) {
        SignedInUser me = trainer();
        tx.run(em -> {
            Assignment a = manageable(em, me, assignmentId);
            a.withdraw(clock.instant());
            em.persist(new AssignmentEvent(a, AssignmentEvent.Kind.WITHDRAWN, note, me.id(), clock.instant()));
        });
    }

    /** Every assignment of a group, withdrawn ones included. */
    public List<AssignmentRow> ofGroup(long groupId) {
        SignedInUser me = trainer();
        return tx.read(em -> {
            GroupService.manageable(em, me, groupId);
            return em.createQuery("select a from Assignment a where a.groupId = :g order by a.status, a.dueDate, a.id", Assignment.class)
                    .setParameter("g", groupId).getResultList().stream().map(a -> row(a, null)).toList();
        });
    }

    /**
     * The individual assignments of a group's members (set for them one by one, not through the
     * group) that the signed-in trainer set; an administrator sees all of them.
     */
    public List<AssignmentRow> individualOfGroupMembers(long groupId) {
        SignedInUser me = trainer();
        return tx.read(em -> {
            GroupService.manageable(em, me, groupId);
            List<Object[]> rows = em.createQuery("select a, u.displayName from Assignment a, GroupMember m, User u where m.groupId = :g"
                    + " and a.userId = m.userId and u.id = m.userId and (:all = true or a.createdBy = :me)"
                    + " order by a.status, a.dueDate, a.id", Object[].class)
                    .setParameter("g", groupId).setParameter("all", me.hasRole(Role.ADMIN)).setParameter("me", me.id()).getResultList();
            return rows.stream().map(r -> row((Assignment) r[0], (String) r[1])).toList();
        });
    }

    public List<EventRow> history(long assignmentId) {
        SignedInUser me = trainer();
        return tx.read(em -> {
            manageable(em, me, assignmentId);
            List<Object[]> rows = em.createQuery("select e, u.displayName from AssignmentEvent e, User u where u.id = e.actorId"
                    + " and e.assignmentId = :a order by e.at, e.id", Object[].class).setParameter("a", assignmentId).getResultList();
            return rows.stream().map(r -> {
                AssignmentEvent e = (AssignmentEvent) r[0];
                return new EventRow(e.getEvent(), e.getStartDate(), e.getDueDate(), e.getNote(), (String) r[1], e.getAt());
            }).toList();
        });
    }

    private static AssignmentRow row(Assignment a, String traineeName) {
        return new AssignmentRow(a.getId(), a.getGroupId(), a.getUserId(), traineeName, a.getModuleId(), a.getStartDate(),
                a.getDueDate(), a.getStatus(), a.getCreatedAt());
    }

    /** The assignment, if {@code me} manages its group, set it, or is an administrator. */
    private static Assignment manageable(EntityManager em, SignedInUser me, long assignmentId) {
        Assignment a = em.find(Assignment.class, assignmentId);
        if (a == null) {
            throw new AccessDeniedException("assignment " + assignmentId);
        }
        if (a.getGroupId() != null) {
            GroupService.manageable(em, me, a.getGroupId());
        } else if (!me.hasRole(Role.ADMIN) && a.getCreatedBy() != me.id()) {
            LOG.warning(() -> "Refused: " + me.username() + " asked for assignment " + assignmentId);
            throw new AccessDeniedException("assignment " + assignmentId);
        }
        return a;
    }

    private SignedInUser trainer() {
        return currentUser.requireAny(Role.TRAINER, Role.ADMIN);
    }
}
