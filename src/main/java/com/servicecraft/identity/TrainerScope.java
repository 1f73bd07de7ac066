package com.servicecraft.identity;

import jakarta.persistence.EntityManager;

/**
 * Which trainees a trainer answers for (grading their written work, granting them attempts):
 * the members of the active groups the trainer owns. A trainee in no active group belongs to no
 * trainer in particular, so every trainer may act for them — work is never left without a grader
 * in an organisation that does not use groups. Administrators act for everybody.
 */
public final class TrainerScope {
    /**
     * SQL condition on a trainee's id column with one parameter, the trainer's id. Used to filter
     * lists in the database rather than after loading them.
     */
    public static final String SQL_CONDITION = "(exists (select 1 from group_member gm join training_group g on g.id = gm.group_id"
            + " where gm.user_id = %1$s and g.archived_at is null and g.owner_id = ?)"
            + " or not exists (select 1 from group_member gm2 join training_group g2 on g2.id = gm2.group_id"
            + " where gm2.user_id = %1$s and g2.archived_at is null))";

    private TrainerScope() {
    }

    /** The condition for a trainee id column such as {@code a.user_id}; bind the trainer's id to its one parameter. */
    public static String condition(String traineeColumn) {
        return String.format(SQL_CONDITION, traineeColumn);
    }

    /** Whether this user may act as trainer for this trainee. */
    public static boolean mayActFor(EntityManager em, SignedInUser actor, long traineeId) {
        if (actor.hasRole(Role.ADMIN)) {
            return true;
        }
        if (!actor.hasRole(Role.TRAINER)) {
            return false;
        }
        Number n = (Number) em.createNativeQuery("select count(*) from app_user u where u.id = ? and " + condition("u.id"))
                .setParameter(1, traineeId).setParameter(2, actor.id()).getSingleResult();
        return n.intValue() > 0;
    }
}
