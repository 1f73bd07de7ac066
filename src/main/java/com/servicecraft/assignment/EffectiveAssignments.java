package com.servicecraft.assignment;

import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which active assignments apply to whom, derived when asked: a trainee's own assignments plus
 * those of the groups they are in now. So a trainee who joins a group later inherits its
 * assignments, and one who leaves no longer has them. Each method is two statements, however many
 * trainees it covers.
 */
public final class EffectiveAssignments {
    private EffectiveAssignments() {
    }

    /** The active assignments of one trainee. */
    public static List<UserAssignment> ofUser(EntityManager em, long userId) {
        List<UserAssignment> out = new ArrayList<>();
        em.createQuery("select a from Assignment a where a.userId = :u and a.status = :s", Assignment.class)
                .setParameter("u", userId).setParameter("s", AssignmentStatus.ACTIVE).getResultList()
                .forEach(a -> out.add(new UserAssignment(userId, a)));
        em.createQuery("select a from Assignment a, GroupMember m, TrainingGroup g where g.id = m.groupId and g.archivedAt is null"
                        + " and a.groupId = m.groupId and m.userId = :u and a.status = :s", Assignment.class)
                .setParameter("u", userId).setParameter("s", AssignmentStatus.ACTIVE).getResultList()
                .forEach(a -> out.add(new UserAssignment(userId, a)));
        return out;
    }

    /** The active assignments of every current member of a group (from all their groups, and their own). */
    public static List<UserAssignment> ofGroupMembers(EntityManager em, long groupId) {
        List<UserAssignment> out = new ArrayList<>();
        em.createQuery("select m0.userId, a from Assignment a, GroupMember m0 where m0.groupId = :g and a.userId = m0.userId"
                        + " and a.status = :s", Object[].class)
                .setParameter("g", groupId).setParameter("s", AssignmentStatus.ACTIVE).getResultList()
                .forEach(r -> out.add(new UserAssignment((Long) r[0], (Assignment) r[1])));
        em.createQuery("select m.userId, a from Assignment a, GroupMember m, GroupMember m0, TrainingGroup g where m0.groupId = :g"
                        + " and m.userId = m0.userId and a.groupId = m.groupId and g.id = m.groupId and g.archivedAt is null"
                        + " and a.status = :s", Object[].class)
                .setParameter("g", groupId).setParameter("s", AssignmentStatus.ACTIVE).getResultList()
                .forEach(r -> out.add(new UserAssignment((Long) r[0], (Assignment) r[1])));
        return out;
    }

    /**
     * Every active assignment due on or before {@code until}, for every active trainee it applies to
     * (the reminder job's input; deactivated people get no reminders).
     */
    public static List<UserAssignment> dueBy(EntityManager em, LocalDate until) {
        List<UserAssignment> out = new ArrayList<>();
        em.createQuery("select a from Assignment a, User u where u.id = a.userId and u.active = true and a.status = :s"
                        + " and a.dueDate <= :d", Assignment.class)
                .setParameter("s", AssignmentStatus.ACTIVE).setParameter("d", until).getResultList()
                .forEach(a -> out.add(new UserAssignment(a.getUserId(), a)));
        em.createQuery("select m.userId, a from Assignment a, GroupMember m, TrainingGroup g, User u where a.groupId = m.groupId"
                        + " and g.id = m.groupId and g.archivedAt is null and u.id = m.userId and u.active = true"
                        + " and a.status = :s and a.dueDate <= :d", Object[].class)
                .setParameter("s", AssignmentStatus.ACTIVE).setParameter("d", until).getResultList()
                .forEach(r -> out.add(new UserAssignment((Long) r[0], (Assignment) r[1])));
        return out;
    }
}
