package com.servicecraft.grading;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.notification.NotificationKind;
import com.servicecraft.notification.NotificationInbox;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.question.Answer;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptItem;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptPlans;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.AttemptStatus;
import com.servicecraft.quiz.QuestionCatalog;
import com.servicecraft.quiz.ReviewPolicy;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.AtOnce;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestPeople;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grading queue against a real database (H2 and MariaDB) and the course's written assignment
 * "design a service guarantee" (five criteria of 2 points): who sees and grades whose work.
 */
class GradingServiceTest {
    private static final String ASSIGNMENT = "m5-x-guarantee";
    private static final Map<String, Integer> SEVEN = Map.of("r1", 2, "r2", 2, "r3", 1, "r4", 1, "r5", 1);

    private Transactions tx;
    private MutableClock clock;
    private ContentRepository content;
    private long trainer1;
    private long trainer2;
    private long admin;
    private long inGroup1;
    private long inGroup2;
    private long inNoGroup;

    private void setUp(Kind kind) {
        setUp(kind, Path.of(System.getProperty("servicecraft.contentDir", "content")));
    }

    private void setUp(Kind kind, Path contentDir) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("attempt_item", "attempt", "notification", "group_member", "training_group", "app_user"));
        tx = new Transactions(db.entityManagerFactory());
        clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(contentDir);
        TestPeople people = new TestPeople(tx, clock);
        trainer1 = people.aTrainer("trainer1").create();
        trainer2 = people.aTrainer("trainer2").create();
        admin = people.anAdmin("boss").create();
        inGroup1 = people.aTrainee("wang").create();
        inGroup2 = people.aTrainee("li").speaking(Language.EN).create();
        inNoGroup = people.aTrainee("zhao").create();
        people.group("Team 1", trainer1, inGroup1);
        people.group("Team 2", trainer2, inGroup2);
    }

    private AttemptService attemptsOf(CurrentUser who) {
        return new AttemptService(tx, clock, who, new AttemptPlans(content), new QuestionCatalog(content, tx));
    }

    private CurrentUser trainee(long id) {
        return TestUsers.signedIn(id, "u" + id, Role.TRAINEE);
    }

    private GradingService gradingAs(long id, Role role) {
        CurrentUser who = TestUsers.signedIn(id, "u" + id, role);
        return new GradingService(tx, who, attemptsOf(who), new QuestionCatalog(content, tx), new NotificationWriter(clock), content,
                new ReviewPolicy(new AttemptPlans(content), attemptsOf(who), who), clock);
    }

    /** The trainee writes the assignment and submits it; returns the written item's id. */
    private long submitAssignment(long traineeId) {
        AttemptService svc = attemptsOf(trainee(traineeId));
        long attemptId = svc.startOrResume(AttemptKind.EXERCISE, ASSIGNMENT);
        AttemptItem item = svc.load(attemptId).items().get(0);
        svc.save(attemptId, item, new Answer.Text("午市套餐 15 分钟内上齐，做不到就免单。 " + traineeId));
        clock.advance(java.time.Duration.ofMinutes(1));
        Attempt a = svc.submit(attemptId);
        assertEquals(AttemptStatus.AWAITING_TRAINER, a.getStatus());
        return item.getId();
    }

    private static Set<Long> ids(List<GradingService.Waiting> queue) {
        return queue.stream().map(GradingService.Waiting::itemId).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTrainerSeesTheWorkOfTheirOwnGroupsAndOfTraineesInNoGroupOldestFirst(Kind kind) {
        setUp(kind);
        long a = submitAssignment(inGroup1);
        long b = submitAssignment(inGroup2);
        long c = submitAssignment(inNoGroup);

        List<GradingService.Waiting> queue1 = gradingAs(trainer1, Role.TRAINER).queue();
        assertEquals(List.of(a, c), queue1.stream().map(GradingService.Waiting::itemId).toList(), "oldest first, own group and no group");
        assertEquals(Set.of(b, c), ids(gradingAs(trainer2, Role.TRAINER).queue()));
        assertEquals(Set.of(a, b, c), ids(gradingAs(admin, Role.ADMIN).queue()));
        assertThrows(AccessDeniedException.class, () -> gradingAs(inGroup1, Role.TRAINEE).queue());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTrainerCannotOpenOrGradeAnotherTrainersTraineeByChangingTheId(Kind kind) {
        setUp(kind);
        long a = submitAssignment(inGroup1);
        GradingService trainer2Grading = gradingAs(trainer2, Role.TRAINER);

        assertThrows(AccessDeniedException.class, () -> trainer2Grading.open(a, Language.EN));
        assertThrows(AccessDeniedException.class, () -> trainer2Grading.grade(a, SEVEN, "nice"));
        AttemptItem item = tx.read(em -> em.find(AttemptItem.class, a));
        assertNull(item.getGradedAt(), "nothing was graded");
        long notified = tx.read(em -> em.createQuery("select count(n) from Notification n", Long.class).getSingleResult());
        assertEquals(0, notified);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void gradingCompletesTheAttemptAndNotifiesTheTraineeOnce(Kind kind) {
        setUp(kind);
        long a = submitAssignment(inGroup1);
        GradingService grading = gradingAs(trainer1, Role.TRAINER);
        GradingService.Work work = grading.open(a, Language.ZH_CN);
        assertEquals(5, work.rubric().size());
        assertEquals(10, work.maxPoints());
        assertTrue(work.answer().startsWith("午市套餐"), work.answer());

        WrittenGrade g = grading.grade(a, SEVEN, "  承诺具体，但还要说明谁来兑现。 ");
        assertTrue(g.attemptCompleted());
        assertEquals(7, g.points());
        Attempt attempt = tx.read(em -> em.find(Attempt.class, g.attempt().getId()));
        assertEquals(AttemptStatus.GRADED, attempt.getStatus(), "the last graded item completes the attempt");
        assertEquals(70.0, attempt.getScorePercent());
        AttemptItem item = tx.read(em -> em.find(AttemptItem.class, a));
        assertEquals("承诺具体，但还要说明谁来兑现。", item.getTrainerComment());
        assertEquals(Long.valueOf(trainer1), item.getGradedBy());
        assertTrue(ids(grading.queue()).isEmpty(), "graded work leaves the queue");

        UserInputException again = assertThrows(UserInputException.class, () -> grading.grade(a, SEVEN, "again"));
        assertEquals("grading.alreadyGraded", again.messageKey());

        NotificationInbox mine = new NotificationInbox(tx, clock, trainee(inGroup1), content);
        List<NotificationInbox.Shown> shown = mine.page(0, 10, Language.ZH_CN);
        assertEquals(1, shown.size());
        assertEquals(NotificationKind.WORK_GRADED, shown.get(0).kind());
        assertEquals("你的书面作业已评分：作业：为一项服务设计服务承诺", shown.get(0).title());
        assertTrue(shown.get(0).text().contains("7 / 10 分"), shown.get(0).text());
        assertEquals("/learn/result.xhtml?id=" + attempt.getId(), shown.get(0).link());
        assertEquals(1L, mine.unreadCount());
    }

    /** The course's content, copied so that a test may change it. */
    private static Path courseCopy(String file, String from, String to) throws java.io.IOException {
        Path source = Path.of(System.getProperty("servicecraft.contentDir", "content"));
        Path target = java.nio.file.Files.createTempDirectory("content");
        try (var files = java.nio.file.Files.walk(source)) {
            for (Path p : files.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(t);
                } else {
                    java.nio.file.Files.copy(p, t);
                }
            }
        }
        String text = java.nio.file.Files.readString(target.resolve(file));
        assertTrue(text.contains(from), file + " has " + from);
        java.nio.file.Files.writeString(target.resolve(file), text.replace(from, to));
        return target;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theNoticeOfAGradeCarriesNoPointsWhereTheReviewShowsNoMarks(Kind kind) throws Exception {
        setUp(kind, courseCopy("m5-guarantees-recovery/exercises.yaml", "settings: {mode: practice, passMark: 0, attempts: 0}",
                "settings: {mode: practice, passMark: 0, attempts: 0, review: {afterSubmit: [score]}}"));
        long a = submitAssignment(inGroup1);
        gradingAs(trainer1, Role.TRAINER).grade(a, SEVEN, "承诺具体，但还要说明谁来兑现。");

        for (Language lang : Language.values()) {
            List<NotificationInbox.Shown> shown = new NotificationInbox(tx, clock, trainee(inGroup1), content).page(0, 10, lang);
            assertEquals(1, shown.size());
            assertEquals(NotificationKind.WORK_GRADED_UNMARKED, shown.get(0).kind());
            assertFalse(shown.get(0).text().contains("7") || shown.get(0).text().contains("10"), shown.get(0).text());
            assertTrue(shown.get(0).title().contains(lang == Language.EN ? "Assignment: design a service guarantee" : "作业：为一项服务设计服务承诺"),
                    shown.get(0).title());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badPointsAreRefusedWithAClearMessageAndChangeNothing(Kind kind) {
        setUp(kind);
        long c = submitAssignment(inNoGroup);
        GradingService grading = gradingAs(trainer2, Role.TRAINER);

        UserInputException tooMany = assertThrows(UserInputException.class,
                () -> grading.grade(c, Map.of("r1", 3, "r2", 2, "r3", 2, "r4", 2, "r5", 2), null));
        assertEquals("grading.pointsOutOfRange", tooMany.messageKey());
        assertEquals(List.of(2), List.of(tooMany.arguments()));
        UserInputException negative = assertThrows(UserInputException.class,
                () -> grading.grade(c, Map.of("r1", -1, "r2", 2, "r3", 2, "r4", 2, "r5", 2), null));
        assertEquals("grading.pointsOutOfRange", negative.messageKey());
        UserInputException missing = assertThrows(UserInputException.class, () -> grading.grade(c, Map.of("r1", 1), null));
        assertEquals("grading.pointsMissing", missing.messageKey());
        UserInputException unknown = assertThrows(UserInputException.class, () -> grading.grade(-5, SEVEN, null));
        assertEquals("grading.notFound", unknown.messageKey());

        assertNull(tx.read(em -> em.find(AttemptItem.class, c)).getGradedAt());
        assertEquals(Set.of(c), ids(grading.queue()), "still waiting");
        assertNotNull(grading.grade(c, SEVEN, null));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTraineeOfAnArchivedGroupIsAnyTrainersAgain(Kind kind) {
        setUp(kind);
        long a = submitAssignment(inGroup1);
        assertEquals(Set.of(), ids(gradingAs(trainer2, Role.TRAINER).queue()));
        long group = tx.read(em -> ((Number) em.createNativeQuery("select id from training_group where owner_id = ?")
                .setParameter(1, trainer1).getSingleResult()).longValue());
        new TestPeople(tx, clock).archive(group);
        assertEquals(Set.of(a), ids(gradingAs(trainer2, Role.TRAINER).queue()));
        assertEquals(Set.of(a), ids(gradingAs(trainer1, Role.TRAINER).queue()), "the archived group's owner too, like any trainer");
        long attempt = tx.read(em -> em.find(AttemptItem.class, a).getAttemptId());
        assertEquals(inGroup1, attemptsOf(TestUsers.signedIn(trainer2, "u" + trainer2, Role.TRAINER)).load(attempt).attempt().getUserId(),
                "whoever may grade the work may read the attempt");

        // Once the trainee joins trainer2's active group, trainer1 neither grades nor reads it any more.
        new TestPeople(tx, clock).group("Team 3", trainer2, inGroup1);
        assertEquals(Set.of(), ids(gradingAs(trainer1, Role.TRAINER).queue()));
        assertThrows(AccessDeniedException.class, () -> gradingAs(trainer1, Role.TRAINER).open(a, Language.EN));
        assertThrows(AccessDeniedException.class, () -> attemptsOf(TestUsers.signedIn(trainer1, "u" + trainer1, Role.TRAINER)).load(attempt));
        assertEquals(Set.of(a), ids(gradingAs(trainer2, Role.TRAINER).queue()));
    }
    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAttemptWithTwoWrittenAnswersCompletesOnlyWithTheSecondGrade(Kind kind) {
        setUp(kind);
        AttemptService svc = attemptsOf(trainee(inGroup1));
        long attemptId = svc.startOrResume(AttemptKind.EXERCISE, "m5-x-recovery-plan");
        List<AttemptItem> items = svc.load(attemptId).items();
        assertEquals(2, items.size());
        svc.save(attemptId, items.get(0), new Answer.Text("第一部分"));
        svc.submit(attemptId);
        GradingService grading = gradingAs(trainer1, Role.TRAINER);
        assertEquals(Set.of(items.get(0).getId(), items.get(1).getId()), ids(grading.queue()), "an unanswered part is graded too");

        WrittenGrade first = grading.grade(items.get(0).getId(), SEVEN, "good start");
        assertTrue(!first.attemptCompleted());
        assertEquals(AttemptStatus.AWAITING_TRAINER, tx.read(em -> em.find(Attempt.class, attemptId)).getStatus());
        Map<String, Integer> none = Map.of("r1", 0, "r2", 0, "r3", 0, "r4", 0, "r5", 0);
        WrittenGrade second = grading.grade(items.get(1).getId(), none, "missing");
        assertTrue(second.attemptCompleted());
        Attempt done = tx.read(em -> em.find(Attempt.class, attemptId));
        assertEquals(AttemptStatus.GRADED, done.getStatus());
        assertEquals(35.0, done.getScorePercent(), "(7/10 + 0/10) / 2");
        long notified = tx.read(em -> em.createQuery("select count(n) from Notification n where n.userId = :u", Long.class)
                .setParameter("u", inGroup1).getSingleResult());
        assertEquals(2, notified, "one notification per graded answer");
    }
    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoTrainersGradingTheSameAnswerAtOnceGradeItOnce(Kind kind) throws Exception {
        setUp(kind);
        long c = submitAssignment(inNoGroup);
        List<java.util.concurrent.Callable<Object>> graders = List.of(
                () -> gradingAs(trainer1, Role.TRAINER).grade(c, SEVEN, "from trainer1"),
                () -> gradingAs(trainer2, Role.TRAINER).grade(c, Map.of("r1", 0, "r2", 0, "r3", 0, "r4", 0, "r5", 0), "from trainer2"));
        List<Object> outcomes = AtOnce.run(graders);

        long graded = outcomes.stream().filter(o -> o instanceof WrittenGrade).count();
        assertEquals(1, graded, outcomes.toString());
        assertTrue(outcomes.stream().anyMatch(o -> o instanceof UserInputException u && u.messageKey().equals("grading.alreadyGraded")),
                outcomes.toString());
        // The grade that stands is the winner's, whole: its points and its comment, not a mix.
        boolean firstWon = outcomes.get(0) instanceof WrittenGrade;
        AttemptItem stored = tx.read(em -> em.find(AttemptItem.class, c));
        assertEquals(firstWon ? 0.7 : 0.0, stored.getFraction(), 1e-9);
        assertEquals(firstWon ? "from trainer1" : "from trainer2", stored.getTrainerComment());
        assertEquals(firstWon ? trainer1 : trainer2, stored.getGradedBy());
        long notified = tx.read(em -> em.createQuery("select count(n) from Notification n", Long.class).getSingleResult());
        assertEquals(1, notified);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoAnswersOfOneAttemptGradedAtOnceCompleteIt(Kind kind) throws Exception {
        setUp(kind);
        AttemptService svc = attemptsOf(trainee(inNoGroup));
        long attemptId = svc.startOrResume(AttemptKind.EXERCISE, "m5-x-recovery-plan");
        List<AttemptItem> items = svc.load(attemptId).items();
        svc.submit(attemptId);
        List<Object> outcomes = AtOnce.run(List.of(
                () -> gradingAs(trainer1, Role.TRAINER).grade(items.get(0).getId(), SEVEN, null),
                () -> gradingAs(trainer2, Role.TRAINER).grade(items.get(1).getId(), SEVEN, null)));

        assertTrue(outcomes.stream().allMatch(o -> o instanceof WrittenGrade), outcomes.toString());
        Attempt done = tx.read(em -> em.find(Attempt.class, attemptId));
        assertEquals(AttemptStatus.GRADED, done.getStatus(), "whichever came second saw the first");
        assertEquals(70.0, done.getScorePercent());
    }
}
