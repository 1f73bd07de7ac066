package com.servicecraft.assignment;

import com.servicecraft.shared.jobs.PeriodicJobs;
import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Lesson;
import com.servicecraft.dashboard.DashboardService;
import com.servicecraft.dashboard.TraineeRecordService;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Department;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.learning.ModuleFactsQuery;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestUsers;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * A fresh database with the sample course, people to build ({@code world.trainee("wang").inDepartment(d)})
 * and the assignment services as a given person sees them.
 */
public final class AssignmentWorld {
    static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    static final List<String> TABLES = List.of("notification", "assignment_event", "assignment", "group_member", "training_group",
            "lesson_progress", "attempt", "attempt_item", "attempt_grant", "action_plan", "user_role", "app_user", "department",
            "content_module_version", "content_state");

    public final Database db;
    public final Transactions tx;
    public final MutableClock clock = new MutableClock(T0);
    public final ContentRepository content;
    public final ModuleFactsQuery facts;

    public AssignmentWorld(TestDatabases.Kind kind) {
        db = TestDatabases.get(kind);
        TestDatabases.clear(db, TABLES);
        tx = new Transactions(db.entityManagerFactory());
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(ContentFixture.copyOfSample().root());
        facts = new ModuleFactsQuery(content);
    }

    public LocalDate today() {
        return AssignmentService.today(clock);
    }

    public long department(String name) {
        return tx.inTransaction(em -> {
            Department d = new Department(name, T0);
            em.persist(d);
            em.flush();
            return d.getId();
        });
    }

    public long person(String username, Long departmentId, Role... roles) {
        return tx.inTransaction(em -> {
            Department d = departmentId == null ? null : em.find(Department.class, departmentId);
            User u = new User(new UserProfile(username, "E-" + username, "Name " + username, username + "@example.com", d, null, Language.EN),
                    EnumSet.of(roles[0], roles), "pbkdf2-sha256$1$AAAA$AAAA", T0);
            em.persist(u);
            em.flush();
            return u.getId();
        });
    }

    public long trainee(String username) {
        return person(username, null, Role.TRAINEE);
    }

    public long trainer(String username) {
        return person(username, null, Role.TRAINER);
    }

    public CurrentUser who(long id, Role role) {
        return TestUsers.signedIn(id, "u" + id, role);
    }

    public GroupService groups(long userId, Role role) {
        return new GroupService(tx, clock, who(userId, role));
    }

    public AssignmentService assignments(long userId, Role role) {
        return new AssignmentService(tx, clock, who(userId, role), content, new NotificationWriter(clock));
    }

    public TraineeHomeQuery home(long traineeId) {
        return new TraineeHomeQuery(tx, clock, who(traineeId, Role.TRAINEE), content, new AssignmentProgress(facts));
    }

    public DashboardService dashboards(long userId, Role role) {
        return new DashboardService(tx, clock, who(userId, role), content, facts, groups(userId, role));
    }

    public TraineeRecordService records(long userId, Role role) {
        return new TraineeRecordService(tx, clock, who(userId, role), content, facts);
    }

    public com.servicecraft.actionplan.ActionPlanService plans(long userId, Role role) {
        return new com.servicecraft.actionplan.ActionPlanService(tx, clock, who(userId, role), content, new NotificationWriter(clock),
                List.of(30, 60, 90));
    }

    public com.servicecraft.quiz.AttemptService attempts(long userId, Role role) {
        return new com.servicecraft.quiz.AttemptService(tx, clock, who(userId, role), new com.servicecraft.quiz.AttemptPlans(content),
                new com.servicecraft.quiz.QuestionCatalog(content, tx));
    }

    /** The id of the trainee's latest attempt. */
    public long latestAttempt(long user) {
        return tx.read(em -> em.createQuery("select max(a.id) from com.servicecraft.quiz.Attempt a where a.userId = :u", Long.class)
                .setParameter("u", user).getSingleResult());
    }

    public ReminderJob reminders() {
        return new ReminderJob(tx, clock, new NotificationWriter(clock), new AssignmentProgress(facts), new PeriodicJobs());
    }

    /** Marks every lesson of the module read by the trainee. */
    public void readModule(long user, String moduleId) {
        for (Lesson l : content.course().module(moduleId).orElseThrow().lessons()) {
            tx.run(em -> em.createNativeQuery("insert into lesson_progress (user_id, module_id, lesson_id, module_version,"
                            + " first_opened_at, last_seen_at, seconds_spent, completed_at, version) values (?, ?, ?, 'v', ?, ?, 120, ?, 0)")
                    .setParameter(1, user).setParameter(2, moduleId).setParameter(3, l.id()).setParameter(4, Timestamp.from(clock.instant()))
                    .setParameter(5, Timestamp.from(clock.instant())).setParameter(6, Timestamp.from(clock.instant())).executeUpdate());
        }
    }

    public void gradedAttempt(long user, String kind, String source, int number, double score, boolean passed) {
        tx.run(em -> em.createNativeQuery("insert into attempt (user_id, kind, source_id, attempt_number, status, mode, started_at,"
                        + " submitted_at, graded_at, score_percent, pass_mark, passed, current_position, version)"
                        + " values (?, ?, ?, ?, 'GRADED', 'TEST', ?, ?, ?, ?, 60, ?, 0, 0)")
                .setParameter(1, user).setParameter(2, kind).setParameter(3, source).setParameter(4, number)
                .setParameter(5, Timestamp.from(clock.instant())).setParameter(6, Timestamp.from(clock.instant()))
                .setParameter(7, Timestamp.from(clock.instant())).setParameter(8, score).setParameter(9, passed).executeUpdate());
    }

    /** Reads every lesson and passes the module quiz. */
    public void complete(long user, String moduleId) {
        readModule(user, moduleId);
        gradedAttempt(user, "MODULE_QUIZ", moduleId, 1, 90.0, true);
    }

    public long count(String jpql) {
        return tx.read(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }

    /**
     * A group of {@code n} new trainees with the module sample-b assigned (due tomorrow); every second
     * trainee completed sample-a, and everyone took the post-course test (scores spread over 0–99).
     */
    public long groupWithTrainees(long trainerId, String name, int n) {
        List<Long> ids = tx.inTransaction(em -> {
            List<User> made = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String username = name + "-" + i;
                User u = new User(new UserProfile(username, "E-" + username, "Name " + username, username + "@example.com", null, null,
                        Language.EN), EnumSet.of(Role.TRAINEE), "pbkdf2-sha256$1$AAAA$AAAA", T0);
                em.persist(u);
                made.add(u);
            }
            // One flush for all: a flush per person checks every person persisted so far (1,000 people: 500,000 checks).
            em.flush();
            return made.stream().map(User::getId).toList();
        });
        GroupService groups = groups(trainerId, Role.TRAINER);
        long g = groups.create(name, null);
        groups.addMembers(g, ids);
        Timestamp at = Timestamp.from(clock.instant());
        tx.run(em -> {
            for (Lesson l : content.course().module("sample-a").orElseThrow().lessons()) {
                em.createNativeQuery("insert into lesson_progress (user_id, module_id, lesson_id, module_version, first_opened_at,"
                                + " last_seen_at, seconds_spent, completed_at, version) select m.user_id, 'sample-a', ?, 'v', ?, ?, 60, ?, 0"
                                + " from group_member m where m.group_id = ? and mod(m.user_id, 2) = 0")
                        .setParameter(1, l.id()).setParameter(2, at).setParameter(3, at).setParameter(4, at).setParameter(5, g).executeUpdate();
            }
            em.createNativeQuery("insert into attempt (user_id, kind, source_id, attempt_number, status, mode, started_at, submitted_at,"
                            + " graded_at, score_percent, pass_mark, passed, current_position, version) select m.user_id, 'MODULE_QUIZ',"
                            + " 'sample-a', 1, 'GRADED', 'TEST', ?, ?, ?, 90, 60, true, 0, 0 from group_member m where m.group_id = ?"
                            + " and mod(m.user_id, 2) = 0")
                    .setParameter(1, at).setParameter(2, at).setParameter(3, at).setParameter(4, g).executeUpdate();
            em.createNativeQuery("insert into attempt (user_id, kind, source_id, attempt_number, status, mode, started_at, submitted_at,"
                            + " graded_at, score_percent, pass_mark, passed, current_position, version) select m.user_id, 'POST_TEST',"
                            + " 'post-test', 1, 'GRADED', 'TEST', ?, ?, ?, mod(m.user_id, 100), 60, mod(m.user_id, 100) >= 60, 0, 0"
                            + " from group_member m where m.group_id = ?")
                    .setParameter(1, at).setParameter(2, at).setParameter(3, at).setParameter(4, g).executeUpdate();
        });
        assignments(trainerId, Role.TRAINER).assignToGroup(g, List.of("sample-b"), today(), today().plusDays(1));
        return g;
    }
}
