package com.servicecraft.workbook;

import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.question.Answer;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptPlans;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.QuestionCatalog;
import com.servicecraft.quiz.ReviewPolicy;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workbook against H2 and MariaDB: one's own written answers with the trainer's comment, nobody else's. */
class WorkbookServiceTest {
    static final List<String> TABLES = List.of("attempt_item", "attempt", "user_role", "app_user", "content_module_version", "content_state");
    static final String REFLECTION = """
            exercises:
              - id: sa-x-reflection
                kind: reflection
                title: {zh-CN: 中期总结, en: Mid-module reflection}
                instructions: {zh-CN: 请独立完成。, en: On your own.}
                items:
                  - id: sa-x-reflection-1
                    type: free-text
                    prompt: {zh-CN: "对你触动最大的观点是什么？", en: "Which idea struck you most?"}
            """;

    private Transactions tx;
    private MutableClock clock;
    private ContentRepository content;

    private void setUp(Kind kind) {
        setUp(kind, REFLECTION);
    }

    private void setUp(Kind kind, String exercise) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, TABLES);
        tx = new Transactions(db.entityManagerFactory());
        clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        ContentFixture fixture = ContentFixture.copyOfSample().replace("sample-a/exercises.yaml", "exercises:\n", exercise);
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(fixture.root());
        assertTrue(content.course().exercise("sa-x-reflection").isPresent(), () -> content.current().problems().toString());
    }

    private long trainee(String name) {
        return tx.inTransaction(em -> {
            User u = new User(new UserProfile(name, "E-" + name, name, name + "@example.com", null, null, Language.ZH_CN),
                    EnumSet.of(Role.TRAINEE), "pbkdf2-sha256$1$AAAA$AAAA", clock.instant());
            em.persist(u);
            em.flush();
            return u.getId();
        });
    }

    private long write(long userId, String text, boolean submit) {
        AttemptService a = new AttemptService(tx, clock, TestUsers.signedIn(userId, "u" + userId, Role.TRAINEE),
                new AttemptPlans(content), new QuestionCatalog(content, tx));
        long id = a.startOrResume(AttemptKind.EXERCISE, "sa-x-reflection");
        a.save(id, a.load(id).items().get(0), new Answer.Text(text));
        if (submit) {
            a.submit(id);
        }
        return id;
    }

    private WorkbookService workbookOf(long userId) {
        var who = TestUsers.signedIn(userId, "u" + userId, Role.TRAINEE);
        AttemptService attempts = new AttemptService(tx, clock, who, new AttemptPlans(content), new QuestionCatalog(content, tx));
        return new WorkbookService(tx, who, content, new QuestionCatalog(content, tx), new ReviewPolicy(new AttemptPlans(content), attempts, who));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTraineeSeesTheirOwnReflectionsWithTheTrainersComment(Kind kind) {
        setUp(kind);
        long wang = trainee("wang");
        long li = trainee("li");
        long attempt = write(wang, "在顾客眼里，我就是公司。", true);
        write(li, "李的总结，不属于王。", false);
        tx.run(em -> em.createNativeQuery("update attempt_item set trainer_comment = ?, graded_at = ? where attempt_id = ?")
                .setParameter(1, "写得很具体。").setParameter(2, Timestamp.from(clock.instant())).setParameter(3, attempt).executeUpdate());

        List<WorkbookService.Section> mine = workbookOf(wang).mine(Language.ZH_CN);
        assertEquals(1, mine.size());
        assertEquals("sample-a", mine.get(0).moduleId());
        WorkbookEntry e = mine.get(0).entries().get(0);
        assertEquals(1, mine.get(0).entries().size(), "only wang's own answer");
        assertTrue(e.reflection());
        assertEquals("中期总结", e.sourceTitle());
        assertEquals("对你触动最大的观点是什么？", e.prompt());
        assertEquals("在顾客眼里，我就是公司。", e.answer());
        assertEquals("写得很具体。", e.trainerComment());

        List<WorkbookService.Section> his = workbookOf(li).mine(Language.EN);
        assertEquals("李的总结，不属于王。", his.get(0).entries().get(0).answer());
        assertTrue(his.get(0).entries().get(0).isDraft());
        assertEquals("Which idea struck you most?", his.get(0).entries().get(0).prompt());
    }

    /** The same written work where the review settings show marks but not one's answers, then answers but no comments. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void theWorkbookShowsOnlyWhatTheReviewSettingsAllow(Kind kind) {
        setUp(kind, REFLECTION.replace("    instructions: {zh-CN: 请独立完成。, en: On your own.}\n",
                "    instructions: {zh-CN: 请独立完成。, en: On your own.}\n    settings: {review: {afterSubmit: [score, correctness]}}\n"));
        assertEquals(java.util.Set.of(com.servicecraft.content.QuizSettings.Review.SCORE, com.servicecraft.content.QuizSettings.Review.CORRECTNESS),
                content.course().exercise("sa-x-reflection").orElseThrow().settings().review().afterSubmit());
        long wang = trainee("wang");
        long attempt = write(wang, "在顾客眼里，我就是公司。", true);
        tx.run(em -> em.createNativeQuery("update attempt_item set trainer_comment = ?, graded_at = ? where attempt_id = ?")
                .setParameter(1, "写得很具体。").setParameter(2, Timestamp.from(clock.instant())).setParameter(3, attempt).executeUpdate());
        assertEquals(List.of(), workbookOf(wang).mine(Language.ZH_CN), "a submitted answer the review does not show is not in the workbook");

        write(wang, "还没交的草稿。", false);
        List<WorkbookService.Section> drafts = workbookOf(wang).mine(Language.ZH_CN);
        assertEquals(1, drafts.get(0).entries().size(), "a draft is one's own text being written");
        assertTrue(drafts.get(0).entries().get(0).isDraft());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTrainersCommentIsFeedbackAndFollowsTheExplanationsOption(Kind kind) {
        setUp(kind, REFLECTION.replace("    instructions: {zh-CN: 请独立完成。, en: On your own.}\n",
                "    instructions: {zh-CN: 请独立完成。, en: On your own.}\n    settings: {review: {afterSubmit: [responses]}}\n"));
        long wang = trainee("wang");
        long attempt = write(wang, "在顾客眼里，我就是公司。", true);
        tx.run(em -> em.createNativeQuery("update attempt_item set trainer_comment = ?, graded_at = ?, fraction = ? where attempt_id = ?")
                .setParameter(1, "写得很具体。").setParameter(2, Timestamp.from(clock.instant())).setParameter(3, 0.5)
                .setParameter(4, attempt).executeUpdate());
        WorkbookEntry e = workbookOf(wang).mine(Language.ZH_CN).get(0).entries().get(0);
        assertEquals("在顾客眼里，我就是公司。", e.answer());
        assertEquals(null, e.trainerComment(), "no explanations, no comment");
        assertEquals(null, e.fraction(), "no correctness, no grade");
    }
}
