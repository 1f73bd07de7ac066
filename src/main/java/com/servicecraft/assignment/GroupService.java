package com.servicecraft.assignment;

import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.TrainerScope;
import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Trainers' groups and their members. A trainer sees and manages only the groups they own; an
 * administrator manages all. Every method checks this itself, whatever page called it.
 *
 * <p>Whom a trainer may add (by search, by department or from a file): a trainee the trainer
 * already acts for ({@link TrainerScope}: a member of one of their active groups, or in no active
 * group at all), or a trainee of the trainer's own department. A trainee who trains in another
 * trainer's active group and works in another department is refused, by name; their trainer or
 * an administrator (who adds anyone) adds them. Without this, adding someone to a group would be
 * a way to read their plans and records.
 */
@ApplicationScoped
public class GroupService {
    private static final Logger LOG = Logger.getLogger(GroupService.class.getName());
    public static final int SEARCH_LIMIT = 25;
    /** How many refused names a message lists before it says "…". */
    static final int NAMES_SHOWN = 5;

    /**
     * Trainees (column {@code u}) a trainer may add; two parameters, both the trainer's id. The
     * first part is the trainer scope itself, so that adding never grants more than the scope.
     */
    private static final String MAY_ADD = "(" + TrainerScope.condition("u.id") + " or (u.department_id is not null"
            + " and u.department_id = (select t.department_id from app_user t where t.id = ?)))";

    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;

    @Inject
    public GroupService(Transactions tx, Clock clock, CurrentUser currentUser) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    /** A group as lists show it. */
    public record GroupRow(long id, String name, String description, long ownerId, String ownerName, long members) implements java.io.Serializable {
    }

    /** A trainee as member lists and searches show them. */
    public record TraineeRow(long id, String username, String displayName, String employeeNumber, String department) implements java.io.Serializable {
    }

    /** An archived group as the list of archived groups shows it. */
    public record ArchivedGroupRow(long id, String name, String ownerName, long members, Instant archivedAt) implements java.io.Serializable {
    }

    public record AddResult(int added, int alreadyMembers) implements java.io.Serializable {
    }

    /** A line of an import file that could not be used, with its reason (bundle key). */
    public record ImportProblem(int line, String employeeNumber, String reason) implements java.io.Serializable {
    }

    public record ImportResult(int added, int alreadyMembers, List<ImportProblem> problems) implements java.io.Serializable {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public long create(String name, String description) {
        SignedInUser me = trainer();
        TrainingGroup g = new TrainingGroup(name, description, me.id(), clock.instant());
        return tx.inTransaction(em -> {
            requireUniqueName(em, me.id(), g.getName(), null);
            em.persist(g);
            em.flush();
            return g.getId();
        });
    }

    public void update(long groupId, String name, String description) {
        SignedInUser me = trainer();
        tx.run(em -> {
            TrainingGroup g = manageable(em, me, groupId);
            g.describe(name, description);
            requireUniqueName(em, g.getOwnerId(), g.getName(), groupId);
        });
    }

    private static void requireUniqueName(EntityManager em, long ownerId, String name, Long except) {
        long same = em.createQuery("select count(g) from TrainingGroup g where g.ownerId = :o and lower(g.name) = :n"
                        + " and g.archivedAt is null and (:x is null or g.id <> :x)", Long.class)
                .setParameter("o", ownerId).setParameter("n", name.toLowerCase(Locale.ROOT)).setParameter("x", except)
                .getSingleResult();
        if (same > 0) {
            throw new UserInputException(List.of(new FieldProblem(TrainingGroup.NAME, "group.duplicateName", name)));
        }
    }

    /** The signed-in trainer's groups; all groups for an administrator. */
    public List<GroupRow> visibleGroups() {
        SignedInUser me = trainer();
        boolean all = me.hasRole(Role.ADMIN);
        return tx.read(em -> {
            List<Object[]> rows = em.createQuery("select g.id, g.name, g.description, g.ownerId, u.displayName,"
                            + " (select count(m) from GroupMember m where m.groupId = g.id)"
                            + " from TrainingGroup g, com.servicecraft.identity.User u where u.id = g.ownerId and g.archivedAt is null"
                            + " and (:all = true or g.ownerId = :me) order by lower(g.name), g.id", Object[].class)
                    .setParameter("all", all).setParameter("me", me.id()).getResultList();
            return rows.stream().map(r -> new GroupRow((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (String) r[4],
                    ((Number) r[5]).longValue())).toList();
        });
    }

    /** Archives a group the signed-in user manages (see {@link TrainingGroup#archive}); a second click changes nothing. */
    public void archive(long groupId) {
        SignedInUser me = trainer();
        tx.run(em -> owned(em, me, groupId).archive(clock.instant()));
    }

    /**
     * Restores an archived group; refused while an active group of the same owner has its name
     * (the trainer renames one of them first).
     */
    public void restore(long groupId) {
        SignedInUser me = trainer();
        tx.run(em -> {
            TrainingGroup g = owned(em, me, groupId);
            if (g.isArchived()) {
                requireUniqueName(em, g.getOwnerId(), g.getName(), groupId);
                g.restore();
            }
        });
    }

    /** The signed-in trainer's archived groups (all for an administrator), most recently archived first. */
    public List<ArchivedGroupRow> archivedGroups() {
        SignedInUser me = trainer();
        boolean all = me.hasRole(Role.ADMIN);
        return tx.read(em -> em.createQuery("select g.id, g.name, u.displayName, (select count(m) from GroupMember m where m.groupId = g.id),"
                        + " g.archivedAt from TrainingGroup g, com.servicecraft.identity.User u where u.id = g.ownerId"
                        + " and g.archivedAt is not null and (:all = true or g.ownerId = :me) order by g.archivedAt desc, g.id desc", Object[].class)
                .setParameter("all", all).setParameter("me", me.id()).getResultList().stream()
                .map(r -> new ArchivedGroupRow((Long) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(), (Instant) r[4]))
                .toList());
    }

    /** One group, if the signed-in user may manage it; otherwise access is denied. */
    public GroupRow group(long groupId) {
        SignedInUser me = trainer();
        return tx.read(em -> {
            TrainingGroup g = manageable(em, me, groupId);
            String owner = em.find(com.servicecraft.identity.User.class, g.getOwnerId()).getDisplayName();
            long members = em.createQuery("select count(m) from GroupMember m where m.groupId = :g", Long.class)
                    .setParameter("g", groupId).getSingleResult();
            return new GroupRow(g.getId(), g.getName(), g.getDescription(), g.getOwnerId(), owner, members);
        });
    }

    public List<TraineeRow> members(long groupId) {
        SignedInUser me = trainer();
        return tx.read(em -> {
            manageable(em, me, groupId);
            return traineeRows(em, "select u.id, u.username, u.displayName, u.employeeNumber, d.name from GroupMember m, "
                    + "com.servicecraft.identity.User u left join u.department d where u.id = m.userId and m.groupId = :g"
                    + " order by u.displayName, u.id", Map.of("g", groupId), 0);
        });
    }

    /** Active trainees whose name, employee number or user name contains the text. */
    public List<TraineeRow> searchTrainees(String text) {
        trainer();
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return tx.read(em -> traineeRows(em, "select u.id, u.username, u.displayName, u.employeeNumber, d.name"
                + " from com.servicecraft.identity.User u left join u.department d where u.active = true"
                + " and :trainee member of u.roles and (lower(u.displayName) like :q escape '\\'"
                + " or lower(u.employeeNumber) like :q escape '\\' or lower(u.username) like :q escape '\\')"
                + " order by u.displayName, u.id", Map.of("q", like, "trainee", Role.TRAINEE), SEARCH_LIMIT));
    }

    private static List<TraineeRow> traineeRows(EntityManager em, String jpql, Map<String, Object> params, int limit) {
        var query = em.createQuery(jpql, Object[].class);
        params.forEach(query::setParameter);
        if (limit > 0) {
            query.setMaxResults(limit);
        }
        return query.getResultList().stream().map(r -> new TraineeRow((Long) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4])).toList();
    }

    /** Adds active trainees; those already in the group are counted, not added twice. */
    public AddResult addMembers(long groupId, Collection<Long> userIds) {
        SignedInUser me = trainer();
        if (userIds == null || userIds.isEmpty()) {
            throw new UserInputException("group.noneSelected");
        }
        return tx.inTransaction(em -> {
            manageable(em, me, groupId);
            Set<Long> wanted = new LinkedHashSet<>(userIds);
            List<Long> trainees = em.createQuery("select u.id from com.servicecraft.identity.User u where u.id in :ids"
                            + " and u.active = true and :trainee member of u.roles", Long.class)
                    .setParameter("ids", wanted).setParameter("trainee", Role.TRAINEE).getResultList();
            if (trainees.size() != wanted.size()) {
                throw new UserInputException("group.notATrainee");
            }
            refuseOutsideScope(em, me, groupId, wanted);
            return insertMembers(em, groupId, wanted, me.id());
        });
    }

    /** Adds every active trainee of a department. */
    public AddResult addDepartment(long groupId, long departmentId) {
        SignedInUser me = trainer();
        return tx.inTransaction(em -> {
            manageable(em, me, groupId);
            List<Long> ids = em.createQuery("select u.id from com.servicecraft.identity.User u where u.department.id = :d"
                            + " and u.active = true and :trainee member of u.roles", Long.class)
                    .setParameter("d", departmentId).setParameter("trainee", Role.TRAINEE).getResultList();
            if (ids.isEmpty()) {
                throw new UserInputException("group.departmentEmpty");
            }
            refuseOutsideScope(em, me, groupId, ids);
            return insertMembers(em, groupId, new LinkedHashSet<>(ids), me.id());
        });
    }

    /**
     * Adds the trainees listed by employee number in a CSV or XLSX file. All or nothing: when any
     * line names nobody (or someone who is not an active trainee), nothing is added and every such
     * line is reported.
     */
    public ImportResult importMembers(long groupId, String fileName, InputStream in) throws IOException {
        SignedInUser me = trainer();
        tx.read(em -> manageable(em, me, groupId));
        List<EmployeeNumberFile.Line> lines = EmployeeNumberFile.read(fileName, in);
        return tx.inTransaction(em -> {
            manageable(em, me, groupId);
            Set<String> numbers = new HashSet<>();
            lines.forEach(l -> numbers.add(l.employeeNumber().toLowerCase(Locale.ROOT)));
            Map<String, Object[]> found = new HashMap<>();
            for (List<String> chunk : chunks(new ArrayList<>(numbers), 500)) {
                em.createQuery("select lower(u.employeeNumber), u.id, u.active, (case when :trainee member of u.roles then true else false end)"
                                + " from com.servicecraft.identity.User u where lower(u.employeeNumber) in :n", Object[].class)
                        .setParameter("n", chunk).setParameter("trainee", Role.TRAINEE).getResultList()
                        .forEach(r -> found.put((String) r[0], r));
            }
            Map<Long, String> outside = outsideScope(em, me, found.values().stream().map(r -> (Long) r[1]).toList());
            List<ImportProblem> problems = new ArrayList<>();
            Set<Long> ids = new LinkedHashSet<>();
            for (EmployeeNumberFile.Line l : lines) {
                Object[] u = found.get(l.employeeNumber().toLowerCase(Locale.ROOT));
                if (u == null) {
                    problems.add(new ImportProblem(l.line(), l.employeeNumber(), "group.import.unknown"));
                } else if (!Boolean.TRUE.equals(u[2]) || !Boolean.TRUE.equals(u[3])) {
                    problems.add(new ImportProblem(l.line(), l.employeeNumber(), "group.import.notActiveTrainee"));
                } else if (outside.containsKey((Long) u[1])) {
                    problems.add(new ImportProblem(l.line(), l.employeeNumber(), "group.import.outsideScope"));
                } else {
                    ids.add((Long) u[1]);
                }
            }
            if (!problems.isEmpty()) {
                return new ImportResult(0, 0, problems);
            }
            AddResult r = insertMembers(em, groupId, ids, me.id());
            return new ImportResult(r.added(), r.alreadyMembers(), List.of());
        });
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    /** Refuses the whole addition, naming the trainees, when any of them may not be added by {@code me}. */
    private static void refuseOutsideScope(EntityManager em, SignedInUser me, long groupId, Collection<Long> userIds) {
        Map<Long, String> outside = outsideScope(em, me, userIds);
        if (!outside.isEmpty()) {
            List<String> names = new ArrayList<>(outside.values());
            String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
                    + (names.size() > NAMES_SHOWN ? ", …" : "");
            LOG.info(() -> me.username() + " was refused adding " + outside.keySet() + " to group " + groupId);
            throw new UserInputException("group.outsideScope", shown, names.size());
        }
    }

    /**
     * Those of the trainees whom {@code me} may not add to a group (see the class comment), by id
     * with their names in name order; none for an administrator.
     */
    static Map<Long, String> outsideScope(EntityManager em, SignedInUser me, Collection<Long> userIds) {
        Map<Long, String> outside = new java.util.LinkedHashMap<>();
        if (me.hasRole(Role.ADMIN) || userIds.isEmpty()) {
            return outside;
        }
        for (List<Long> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(userIds)), 500)) {
            // the ids are numbers (Long), so writing them into the statement is safe
            String in = chunk.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
            List<?> rows = em.createNativeQuery("select u.id, u.display_name from app_user u where u.id in (" + in + ")"
                            + " and not " + MAY_ADD + " order by u.display_name, u.id")
                    .setParameter(1, me.id()).setParameter(2, me.id()).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                outside.put(((Number) r[0]).longValue(), (String) r[1]);
            }
        }
        return outside;
    }

    private AddResult insertMembers(EntityManager em, long groupId, Set<Long> userIds, long actor) {
        Set<Long> existing = new HashSet<>(em.createQuery("select m.userId from GroupMember m where m.groupId = :g", Long.class)
                .setParameter("g", groupId).getResultList());
        Instant now = clock.instant();
        int added = 0;
        for (Long id : userIds) {
            if (!existing.contains(id)) {
                em.persist(new GroupMember(groupId, id, actor, now));
                added++;
            }
        }
        return new AddResult(added, userIds.size() - added);
    }

    public void removeMember(long groupId, long userId) {
        SignedInUser me = trainer();
        tx.run(em -> {
            manageable(em, me, groupId);
            int n = em.createQuery("delete from GroupMember m where m.groupId = :g and m.userId = :u")
                    .setParameter("g", groupId).setParameter("u", userId).executeUpdate();
            if (n == 0) {
                throw new UserInputException("group.notAMember");
            }
        });
    }

    private SignedInUser trainer() {
        return currentUser.requireAny(Role.TRAINER, Role.ADMIN);
    }

    /** The active group, if {@code me} owns it or is an administrator; access is denied otherwise (also for an unknown id). */
    static TrainingGroup manageable(EntityManager em, SignedInUser me, long groupId) {
        TrainingGroup g = owned(em, me, groupId);
        if (g.isArchived()) {
            LOG.warning(() -> "Refused: " + me.username() + " asked for archived group " + groupId);
            throw new AccessDeniedException("group " + groupId);
        }
        return g;
    }

    /** The group, archived or not, if {@code me} owns it or is an administrator; access is denied otherwise. */
    private static TrainingGroup owned(EntityManager em, SignedInUser me, long groupId) {
        TrainingGroup g = em.find(TrainingGroup.class, groupId);
        if (g == null || (g.getOwnerId() != me.id() && !me.hasRole(Role.ADMIN))) {
            LOG.warning(() -> "Refused: " + me.username() + " asked for group " + groupId);
            throw new AccessDeniedException("group " + groupId);
        }
        return g;
    }
}
