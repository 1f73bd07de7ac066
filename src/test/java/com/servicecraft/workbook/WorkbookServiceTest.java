package com.servicecraft.workbook;

import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.quiz.Answer;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptPlans;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.QuestionCatalog;
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
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, TABLES);
        tx = new Transactions(db.entityManagerFactory());
        clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        ContentFixture fixture = ContentFixture.copyOfSample().replace("sample-a/exercises.yaml", "exercises:\n", REFLECTION);
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
        return new WorkbookService(tx, TestUsers.signedIn(userId, "u" + userId, Role.TRAINEE), content, new QuestionCatalog(content, tx));
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
}
