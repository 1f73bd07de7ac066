package com.servicecraft.quiz;

import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.learning.CourseFacts;
import com.servicecraft.learning.ModuleFactsQuery;
import com.servicecraft.learning.MyCourseFacts;
import com.servicecraft.learning.ProgressStatus;
import com.servicecraft.notification.NotificationKind;
import com.servicecraft.notification.NotificationInbox;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestPeople;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trainee uses up the module quiz's attempts without passing, on H2 and MariaDB: the course
 * waits for the trainer instead of failing, the trainee's trainer (and no other) is told with a
 * link to grant more, and a grant lets the trainee go on.
 */
class AttemptsExhaustedTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    private Transactions tx;
    private MutableClock clock;
    private ContentRepository content;
    private long wang;
    private long trainer1;
    private long trainer2;

    private void setUp(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("attempt_item", "attempt", "attempt_grant", "notification", "group_member", "training_group",
                "lesson_progress", "user_role", "app_user", "content_module_version", "content_state"));
        tx = new Transactions(db.entityManagerFactory());
        clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(ContentFixture.copyOfSample().root());
        TestPeople people = new TestPeople(tx, clock);
        wang = people.aTrainee("wang").create();
        long li = people.aTrainee("li").create();
        trainer1 = people.aTrainer("trainer1").speaking(Language.EN).create();
        trainer2 = people.aTrainer("trainer2").create();
        people.group("Team 1", trainer1, wang);
        people.group("Team 2", trainer2, li);
    }

    private CurrentUser user(long id, Role role) {
        return TestUsers.signedIn(id, "u" + id, role);
    }

    private AttemptService attempts(CurrentUser who) {
        return new AttemptService(tx, clock, who, new AttemptPlans(content), new QuestionCatalog(content, tx),
                new AttemptsExhaustedNotice(new ModuleFactsQuery(content), new NotificationWriter(clock)));
    }

    private AttemptGrantService grants(long id, Role role) {
        return new AttemptGrantService(tx, clock, user(id, role), new AttemptPlans(content), new NotificationWriter(clock));
    }

    /** One attempt at sample-a's quiz with every answer wrong. */
    private void failOnce() {
        AttemptService svc = attempts(user(wang, Role.TRAINEE));
        long id = svc.startOrResume(AttemptKind.MODULE_QUIZ, "sample-a");
        for (AttemptItem i : svc.load(id).items()) {
            Answer a = switch (i.getQuestionType()) {
                case "single-choice" -> new Answer.Choices(Set.of("c"));
                case "multiple-choice" -> new Answer.Choices(Set.of("c"));
                case "true-false" -> new Answer.Bool(true);
                case "ordering" -> new Answer.Order(List.of("s3", "s1", "s2"));
                default -> throw new IllegalStateException(i.getQuestionType());
            };
            svc.save(id, i, a);
        }
        assertFalse(Boolean.TRUE.equals(svc.submit(id).getPassed()));
    }

    private CourseFacts facts() {
        return tx.read(em -> new ModuleFactsQuery(content).forUser(em, wang));
    }

    private List<NotificationInbox.Shown> noticesOf(long userId, Role role, Language lang) {
        return new NotificationInbox(tx, clock, user(userId, role), content).page(0, 10, lang);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void usedUpAttemptsWaitForTheTraineesTrainerWhoIsToldAndGrantsAnother(Kind kind) {
        setUp(kind);
        failOnce();
        assertTrue(noticesOf(trainer1, Role.TRAINER, Language.EN).isEmpty(), "one attempt is left");
        failOnce();

        CourseFacts cf = facts();
        assertTrue(cf.module("sample-a").attemptsExhausted());
        assertEquals(ProgressStatus.NEEDS_TRAINER, cf.module("sample-a").status(TODAY.plusWeeks(3), TODAY),
                "not failed weeks before the due date");
        assertEquals(ProgressStatus.NEEDS_TRAINER, cf.status(TODAY.plusWeeks(3), TODAY), "nor is the course");
        assertEquals(ProgressStatus.FAILED, cf.status(TODAY.minusDays(1), TODAY), "after the due date it is failed");
        assertEquals(List.of(new CourseFacts.WaitingQuiz("sample-a")),
                new MyCourseFacts(tx, user(wang, Role.TRAINEE), new ModuleFactsQuery(content)).quizzesWaitingForTrainer(),
                "what the home and course pages tell the trainee");

        List<NotificationInbox.Shown> en = noticesOf(trainer1, Role.TRAINER, Language.EN);
        assertEquals(1, en.size());
        assertEquals(NotificationKind.ATTEMPTS_EXHAUSTED, en.get(0).kind());
        assertEquals("/trainer/grants.xhtml?trainee=wang&source=MODULE_QUIZ:sample-a", en.get(0).link());
        assertTrue(en.get(0).title().contains("Module quiz: Sample module A"), en.get(0).title());
        assertTrue(en.get(0).text().contains("all 2 attempt(s)"), en.get(0).text());
        String zh = noticesOf(trainer1, Role.TRAINER, Language.ZH_CN).get(0).text();
        assertTrue(zh.contains("模块测验：示例模块甲") && zh.contains("2 次"), zh);
        assertTrue(noticesOf(trainer2, Role.TRAINER, Language.EN).isEmpty(), "another trainer's trainees only");

        UserInputException refused = assertThrows(UserInputException.class,
                () -> grants(trainer2, Role.TRAINER).grant("wang", AttemptKind.MODULE_QUIZ, "sample-a", 1, "not mine"));
        assertEquals("grant.notYourTrainee", refused.messageKey());
        grants(trainer1, Role.TRAINER).grant("wang", AttemptKind.MODULE_QUIZ, "sample-a", 1, "Talked it through; one more try");

        assertEquals(ProgressStatus.IN_PROGRESS, facts().status(TODAY.plusWeeks(3), TODAY));
        assertTrue(attempts(user(wang, Role.TRAINEE)).standing(AttemptKind.MODULE_QUIZ, "sample-a").canStart());
        List<NotificationInbox.Shown> mine = noticesOf(wang, Role.TRAINEE, Language.ZH_CN);
        assertEquals(NotificationKind.ATTEMPTS_GRANTED, mine.get(0).kind());
        assertEquals("/learn/quiz.xhtml?module=sample-a", mine.get(0).link());
        assertTrue(mine.get(0).text().contains("1 次"), mine.get(0).text());
        assertEquals(List.of("wang:Talked it through; one more try"),
                grants(trainer1, Role.TRAINER).history("wang").stream().map(r -> r.username() + ":" + r.reason()).toList(), "history");

        failOnce();
        assertEquals(2, noticesOf(trainer1, Role.TRAINER, Language.EN).size(), "used up again: told again");
    }
}
