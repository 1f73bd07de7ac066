package com.servicecraft.actionplan;

import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.notification.Notification;
import com.servicecraft.notification.NotificationKind;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.AtOnce;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.servicecraft.actionplan.Goals.filled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Action plans against H2 and MariaDB: the review round trip with its notifications, follow-up
 * reminders created once, no lost text between two tabs, and no trainer reaching another
 * trainer's trainees by changing an id.
 */
class ActionPlanServiceTest {
    static final List<String> TABLES = List.of("action_plan_follow_up_entry", "action_plan_follow_up", "action_plan_event",
            "action_plan_goal", "action_plan", "notification", "group_member", "training_group", "user_role", "app_user");

    private Transactions tx;
    private MutableClock clock;
    private ContentRepository content;
    private long wang;
    private long li;
    private long trainerA;
    private long trainerB;
    private long admin;

    private void setUp(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, TABLES);
        tx = new Transactions(db.entityManagerFactory());
        clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        wang = user("wang", Role.TRAINEE);
        li = user("li", Role.TRAINEE);
        trainerA = user("trainer-a", Role.TRAINER);
        trainerB = user("trainer-b", Role.TRAINER);
        admin = user("boss", Role.ADMIN);
        group(trainerA, wang);
        group(trainerB, li);
        ContentFixture fixture = ContentFixture.copyOfSample();
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(fixture.root());
    }

    private long user(String name, Role role) {
        return tx.inTransaction(em -> {
            User u = new User(new UserProfile(name, "E-" + name, name + " 名", name + "@example.com", null, null, Language.ZH_CN),
                    EnumSet.of(role), "pbkdf2-sha256$1$AAAA$AAAA", clock.instant());
            em.persist(u);
            em.flush();
            return u.getId();
        });
    }

    private void group(long owner, long member) {
        tx.run(em -> {
            Timestamp now = Timestamp.from(clock.instant());
            em.createNativeQuery("insert into training_group (name, owner_id, created_at, version) values (?, ?, ?, 0)")
                    .setParameter(1, "G" + owner).setParameter(2, owner).setParameter(3, now).executeUpdate();
            Number id = (Number) em.createNativeQuery("select max(id) from training_group").getSingleResult();
            em.createNativeQuery("insert into group_member (group_id, user_id, added_at, added_by) values (?, ?, ?, ?)")
                    .setParameter(1, id.longValue()).setParameter(2, member).setParameter(3, now).setParameter(4, owner).executeUpdate();
        });
    }

    private ActionPlanService as(long userId, Role role) {
        return new ActionPlanService(tx, clock, TestUsers.signedIn(userId, "u" + userId, role), content,
                new NotificationWriter(clock), List.of(30, 60, 90));
    }

    private List<Notification> notificationsOf(long userId) {
        return tx.read(em -> em.createQuery("select n from Notification n where n.userId = :u order by n.id", Notification.class)
                .setParameter("u", userId).getResultList());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPlanIsDraftedSubmittedReturnedResubmittedAndApproved(Kind kind) {
        setUp(kind);
        ActionPlanService trainee = as(wang, Role.TRAINEE);
        ActionPlan draft = trainee.saveMine(null, List.of(filled("目标一")));
        assertEquals(ActionPlanStatus.DRAFT, draft.getStatus());
        draft = trainee.saveMine(draft.getVersion(), List.of(filled("目标一"), filled("目标二")));
        ActionPlan submitted = trainee.submitMine(draft.getVersion(), List.of(filled("目标一"), filled("目标二")));
        assertEquals(ActionPlanStatus.SUBMITTED, submitted.getStatus());
        assertEquals(List.of(NotificationKind.ACTION_PLAN_SUBMITTED), notificationsOf(trainerA).stream().map(Notification::getKind).toList());
        assertTrue(notificationsOf(trainerB).isEmpty(), "only the owners of the trainee's groups review the plan");

        ActionPlanService reviewer = as(trainerA, Role.TRAINER);
        ActionPlan returned = reviewer.returnPlan(submitted.getId(), submitted.getVersion(), "请把成功标准写成数字");
        assertEquals(ActionPlanStatus.RETURNED, returned.getStatus());
        ActionPlan seen = trainee.mine().orElseThrow();
        assertEquals("请把成功标准写成数字", seen.returnComment().orElseThrow());
        assertEquals(NotificationKind.ACTION_PLAN_RETURNED, notificationsOf(wang).get(0).getKind());

        ActionPlan again = trainee.submitMine(seen.getVersion(), List.of(filled("目标一 改")));
        assertEquals(1, again.getGoals().size());
        assertEquals(2, notificationsOf(trainerA).size(), "a resubmission is announced again");
        ActionPlan approved = reviewer.approve(again.getId(), again.getVersion(), "很好");
        assertEquals(ActionPlanStatus.APPROVED, approved.getStatus());
        assertEquals(3, approved.getFollowUps().size());
        assertEquals(List.of(ReviewEvent.SUBMITTED, ReviewEvent.RETURNED, ReviewEvent.SUBMITTED, ReviewEvent.APPROVED),
                trainee.mine().orElseThrow().getEvents().stream().map(ActionPlanEvent::getEvent).toList());
        assertEquals(NotificationKind.ACTION_PLAN_APPROVED, notificationsOf(wang).get(1).getKind());
        assertEquals("目标一 改 what", trainee.mine().orElseThrow().getGoals().get(0).get(GoalField.WHAT));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSecondTabNeverOverwritesNewerTextAndADoubleClickChangesNothing(Kind kind) {
        setUp(kind);
        ActionPlanService trainee = as(wang, Role.TRAINEE);
        ActionPlan v = trainee.saveMine(null, List.of(filled("原稿")));
        ActionPlan tabA = trainee.saveMine(v.getVersion(), List.of(filled("第一个标签页")));
        // Tab B still holds the old version: its different text is refused, not merged.
        assertEquals("actionPlan.error.stale",
                assertThrows(UserInputException.class, () -> trainee.saveMine(v.getVersion(), List.of(filled("第二个标签页")))).messageKey());
        assertEquals("第一个标签页 what", trainee.mine().orElseThrow().getGoals().get(0).get(GoalField.WHAT));
        // The same text again (a double click) is fine whatever the version.
        assertEquals(tabA.getVersion(), trainee.saveMine(v.getVersion(), List.of(filled("第一个标签页"))).getVersion());
        ActionPlan submitted = trainee.submitMine(tabA.getVersion(), List.of(filled("第一个标签页")));
        ActionPlan twice = trainee.submitMine(tabA.getVersion(), List.of(filled("第一个标签页")));
        assertEquals(submitted.getVersion(), twice.getVersion());
        assertEquals(1, twice.submissions());
        assertEquals(1, notificationsOf(trainerA).size());
    }

    static Stream<Arguments> tabs() {
        return Stream.of(Kind.values()).flatMap(kind -> IntStream.of(2, 5, 10).mapToObj(k -> Arguments.of(kind, k)));
    }

    /**
     * K tabs that loaded the same version save different text at the same moment: exactly one is
     * stored, whole, and every other tab is told its version is stale (the page keeps its text
     * and says so); nothing is merged or silently overwritten.
     */
    @ParameterizedTest(name = "{0}, K = {1}")
    @MethodSource("tabs")
    void parallelSavesOfOneVersionKeepExactlyOneTextAndTellTheOthers(Kind kind, int k) throws Exception {
        setUp(kind);
        ActionPlan v = as(wang, Role.TRAINEE).saveMine(null, List.of(filled("原稿")));
        List<Callable<Object>> tabs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<Map<GoalField, String>> text = List.of(filled("标签页" + i), filled("第二个目标 " + i));
            tabs.add(() -> as(wang, Role.TRAINEE).saveMine(v.getVersion(), text));
        }
        List<Object> outcomes = AtOnce.run(tabs);

        List<ActionPlan> saved = outcomes.stream().filter(ActionPlan.class::isInstance).map(ActionPlan.class::cast).toList();
        assertEquals(1, saved.size(), "one save wins: " + outcomes);
        long stale = outcomes.stream().filter(o -> o instanceof UserInputException u && u.messageKey().equals("actionPlan.error.stale")).count();
        assertEquals(k - 1, stale, "every other tab is told its version is stale: " + outcomes);
        int winner = outcomes.indexOf(saved.get(0));
        ActionPlan stored = as(wang, Role.TRAINEE).mine().orElseThrow();
        assertEquals(saved.get(0).getVersion(), stored.getVersion());
        assertEquals(List.of("标签页" + winner + " what", "第二个目标 " + winner + " what"),
                stored.getGoals().stream().map(g -> g.get(GoalField.WHAT)).toList(), "the winner's text, whole, and nobody else's");
    }

    /**
     * Two windows' first saves (no plan yet) and a submit racing a save of the same version: one
     * outcome each time, the other told.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSubmitRacingASaveOfTheSameVersionLetsOneWin(Kind kind) throws Exception {
        setUp(kind);
        List<Object> first = AtOnce.run(List.of(
                () -> as(wang, Role.TRAINEE).saveMine(null, List.of(filled("窗口一"))),
                () -> as(wang, Role.TRAINEE).saveMine(null, List.of(filled("窗口二")))));
        assertEquals(1, first.stream().filter(ActionPlan.class::isInstance).count(), first.toString());
        assertTrue(first.stream().anyMatch(o -> o instanceof UserInputException u && u.messageKey().equals("actionPlan.error.stale")),
                first.toString());

        ActionPlan v = as(wang, Role.TRAINEE).mine().orElseThrow();
        List<Object> raced = AtOnce.run(List.of(
                () -> as(wang, Role.TRAINEE).submitMine(v.getVersion(), List.of(filled("提交的"))),
                () -> as(wang, Role.TRAINEE).saveMine(v.getVersion(), List.of(filled("另存的")))));
        assertEquals(1, raced.stream().filter(ActionPlan.class::isInstance).count(), raced.toString());
        ActionPlan stored = as(wang, Role.TRAINEE).mine().orElseThrow();
        if (raced.get(0) instanceof ActionPlan) {
            assertEquals(ActionPlanStatus.SUBMITTED, stored.getStatus());
            assertEquals("提交的 what", stored.getGoals().get(0).get(GoalField.WHAT));
            assertEquals(1, notificationsOf(trainerA).size());
        } else {
            assertEquals(ActionPlanStatus.DRAFT, stored.getStatus());
            assertEquals("另存的 what", stored.getGoals().get(0).get(GoalField.WHAT));
            assertEquals(0, notificationsOf(trainerA).size(), "a refused submit notifies nobody");
        }
        Object loser = raced.stream().filter(o -> !(o instanceof ActionPlan)).findFirst().orElseThrow();
        assertTrue(loser instanceof UserInputException u && u.messageKey().equals("actionPlan.error.stale"), loser.toString());
    }

    /** The group's trainer approves while an administrator returns the same plan: one review stands, the other is told. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoReviewersAtOnceLeaveOneReviewAndTellTheOther(Kind kind) throws Exception {
        setUp(kind);
        ActionPlan submitted = as(wang, Role.TRAINEE).submitMine(null, List.of(filled("王")));
        List<Object> outcomes = AtOnce.run(List.of(
                () -> as(trainerA, Role.TRAINER).approve(submitted.getId(), submitted.getVersion(), "好"),
                () -> as(admin, Role.ADMIN).returnPlan(submitted.getId(), submitted.getVersion(), "请修改")));

        assertEquals(1, outcomes.stream().filter(ActionPlan.class::isInstance).count(), outcomes.toString());
        Object loser = outcomes.stream().filter(o -> !(o instanceof ActionPlan)).findFirst().orElseThrow();
        assertTrue(loser instanceof UserInputException u && u.messageKey().equals("actionPlan.error.stale"), loser.toString());
        ActionPlan stored = as(wang, Role.TRAINEE).mine().orElseThrow();
        ActionPlanStatus expected = outcomes.get(0) instanceof ActionPlan ? ActionPlanStatus.APPROVED : ActionPlanStatus.RETURNED;
        assertEquals(expected, stored.getStatus());
        assertEquals(List.of(ReviewEvent.SUBMITTED, expected == ActionPlanStatus.APPROVED ? ReviewEvent.APPROVED : ReviewEvent.RETURNED),
                stored.getEvents().stream().map(ActionPlanEvent::getEvent).toList());
        assertEquals(1, notificationsOf(wang).size(), "the trainee hears of one review only");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTrainerSeesAndReviewsOnlyTheirOwnGroupsTrainees(Kind kind) {
        setUp(kind);
        ActionPlan wangs = as(wang, Role.TRAINEE).submitMine(null, List.of(filled("王")));
        ActionPlan lis = as(li, Role.TRAINEE).submitMine(null, List.of(filled("李")));

        ActionPlanService a = as(trainerA, Role.TRAINER);
        assertEquals(List.of(wang), a.reviewList().stream().map(ActionPlanService.ReviewRow::traineeId).toList());
        assertThrows(AccessDeniedException.class, () -> a.forReview(lis.getId()));
        assertThrows(AccessDeniedException.class, () -> a.approve(lis.getId(), lis.getVersion(), null));
        assertThrows(AccessDeniedException.class, () -> a.returnPlan(lis.getId(), lis.getVersion(), "x"));
        assertThrows(AccessDeniedException.class, () -> a.forReview(999_999));
        ActionPlanService b = as(trainerB, Role.TRAINER);
        assertThrows(AccessDeniedException.class, () -> b.approve(wangs.getId(), wangs.getVersion(), null));
        assertEquals(ActionPlanStatus.SUBMITTED, as(li, Role.TRAINEE).mine().orElseThrow().getStatus());
        // A trainee is no reviewer at all, not even of another trainee.
        assertThrows(AccessDeniedException.class, () -> as(wang, Role.TRAINEE).forReview(lis.getId()));
        // Each trainee has only their own plan.
        assertEquals(wangs.getId(), as(wang, Role.TRAINEE).mine().orElseThrow().getId());

        ActionPlanService boss = as(admin, Role.ADMIN);
        assertEquals(2, boss.reviewList().size());
        assertEquals(ActionPlanStatus.APPROVED, boss.approve(lis.getId(), lis.getVersion(), null).getStatus());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTraineeWhoseOnlyGroupIsArchivedIsReviewedByAnyTrainerAndEveryTrainerIsTold(Kind kind) {
        setUp(kind);
        tx.run(em -> em.createNativeQuery("update training_group set archived_at = ? where owner_id = ?")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, trainerA).executeUpdate());
        ActionPlan wangs = as(wang, Role.TRAINEE).submitMine(null, List.of(filled("王")));

        assertEquals(1, notificationsOf(trainerA).size(), "wang is in no active group: every trainer is told");
        assertEquals(1, notificationsOf(trainerB).size());
        ActionPlanService b = as(trainerB, Role.TRAINER);
        assertEquals(List.of(wang, li), b.reviewList().stream().map(ActionPlanService.ReviewRow::traineeId).sorted().toList(),
                "trainerB's own member li, and wang who has a plan and no active group");
        assertEquals(ActionPlanStatus.APPROVED, b.approve(wangs.getId(), wangs.getVersion(), null).getStatus());
        assertEquals(List.of(wang), as(trainerA, Role.TRAINER).reviewList().stream().map(ActionPlanService.ReviewRow::traineeId).toList());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void followUpsFallDueAndAreRemindedOnceAndRecorded(Kind kind) {
        setUp(kind);
        ActionPlanService trainee = as(wang, Role.TRAINEE);
        ActionPlan p = trainee.submitMine(null, List.of(filled("目标")));
        as(trainerA, Role.TRAINER).approve(p.getId(), p.getVersion(), null);
        ActionPlanService job = as(admin, Role.ADMIN);
        assertEquals(0, job.notifyDueFollowUps(), "nothing is due on the day of approval");

        clock.advance(Duration.ofDays(30));
        assertEquals(1, job.notifyDueFollowUps());
        assertEquals(0, job.notifyDueFollowUps(), "the reminder is created once");
        assertEquals(0, as(trainerB, Role.TRAINER).notifyDueFollowUps(), "and once across nodes");
        Notification reminder = notificationsOf(wang).stream().filter(n -> n.getKind() == NotificationKind.FOLLOW_UP_DUE).findFirst().orElseThrow();
        assertEquals("followup:" + p.getId() + ":30", reminder.getDedupKey());

        ActionPlan mine = trainee.mine().orElseThrow();
        ActionPlan recorded = trainee.recordFollowUp(mine.getVersion(), 30,
                Map.of(0, new ActionPlan.Progress(ProgressStatus.ON_TRACK, "每周四次降到一次")));
        assertEquals(FollowUpState.RECORDED, recorded.followUp(30).orElseThrow().state(trainee.today()));
        assertThrows(UserInputException.class, () -> trainee.recordFollowUp(recorded.getVersion(), 60,
                Map.of(0, new ActionPlan.Progress(ProgressStatus.ON_TRACK, "太早")))); // day 60 is not due yet

        ActionPlanService.ReviewRow row = as(trainerA, Role.TRAINER).reviewList().get(0);
        assertEquals(1, row.followUpsRecorded());
        assertEquals(clock.instant().atZone(java.time.ZoneId.systemDefault()).toLocalDate().plusDays(30), row.nextDue());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReminderAnotherNodeAlreadyCreatedCountsAsDone(Kind kind) {
        setUp(kind);
        ActionPlan p = as(wang, Role.TRAINEE).submitMine(null, List.of(filled("目标")));
        as(trainerA, Role.TRAINER).approve(p.getId(), p.getVersion(), null);
        clock.advance(Duration.ofDays(31));
        // The other node's notification is committed, but it died before marking the follow-up.
        tx.run(em -> new NotificationWriter(clock).notify(em, wang, NotificationKind.FOLLOW_UP_DUE, "followup:" + p.getId() + ":30", Map.of(), null));
        ActionPlanService job = as(admin, Role.ADMIN);
        assertEquals(0, job.notifyDueFollowUps());
        assertEquals(1, notificationsOf(wang).stream().filter(n -> n.getKind() == NotificationKind.FOLLOW_UP_DUE).count());
        Instant notified = tx.read(em -> em.createQuery("select f from FollowUp f where f.day = 30", FollowUp.class).getSingleResult().getNotifiedAt());
        assertTrue(notified != null);
    }
}
