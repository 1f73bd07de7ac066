package com.servicecraft.identity;

import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * The one rule for which trainees a trainer acts for — grading their written work, granting them
 * attempts, reviewing their action plan, reading their record and dashboards' drill-down,
 * assigning them work: the members of the <em>active</em> groups the trainer owns, and trainees in
 * no active group at all (they belong to no trainer in particular, so every trainer may act for
 * them: work is never left without a grader in an organisation that does not use groups).
 * Administrators act for everybody.
 *
 * <p>Archived groups do not count, for their owner either: a trainee whose only groups are
 * archived is in no active group, so every trainer acts for them; once they join another
 * trainer's active group, only that trainer (and administrators) does. Which trainees a trainer
 * may add to a group follows from this rule too (see {@code GroupService}).
 *
 * <p>Java and SQL use the same definition: {@link #mayActFor} and {@link #trainersOf} run
 * {@link #condition}, which lists filter with in the database.
 */
public final class TrainerScope {
    /** %1$s: the trainee's id column; %2$s: the trainer's id (a column or a {@code ?} parameter). */
    private static final String RULE = "(exists (select 1 from group_member gm join training_group g on g.id = gm.group_id"
            + " where gm.user_id = %1$s and g.archived_at is null and g.owner_id = %2$s)"
            + " or not exists (select 1 from group_member gm2 join training_group g2 on g2.id = gm2.group_id"
            + " where gm2.user_id = %1$s and g2.archived_at is null))";

    private TrainerScope() {
    }

    /**
     * SQL condition on a trainee id column such as {@code a.user_id} with one parameter, the
     * trainer's id. Used to filter lists in the database rather than after loading them.
     */
    public static String condition(String traineeColumn) {
        return condition(traineeColumn, "?");
    }

    /** The condition with the trainer's id given as a column or expression instead of a parameter. */
    public static String condition(String traineeColumn, String trainerColumn) {
        return String.format(RULE, traineeColumn, trainerColumn);
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

    /**
     * The active trainers who act for this trainee (administrators aside), by id: the owners of
     * the trainee's active groups, or every trainer when the trainee is in none. They are the
     * ones told about the trainee's work, such as a submitted action plan.
     */
    public static List<Long> trainersOf(EntityManager em, long traineeId) {
        List<?> ids = em.createNativeQuery("select t.id from app_user t where t.active = true and t.id <> ?"
                        + " and exists (select 1 from user_role r where r.user_id = t.id and r.role = 'TRAINER')"
                        + " and " + condition("?", "t.id") + " order by t.id")
                .setParameter(1, traineeId).setParameter(2, traineeId).setParameter(3, traineeId).getResultList();
        return ids.stream().map(o -> ((Number) o).longValue()).toList();
    }
}
