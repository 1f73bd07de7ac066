package com.servicecraft.selfassessment;

import com.servicecraft.actionplan.ActionPlanService;
import com.servicecraft.actionplan.Goals;
import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.quiz.Answer;
import com.servicecraft.quiz.AttemptItem;
import com.servicecraft.quiz.AttemptPlans;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.QuestionCatalog;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two self-assessment rounds against H2 and MariaDB. */
class SelfAssessmentServiceTest {
    static final List<String> TABLES = List.of("self_assessment_round", "attempt_item", "attempt", "action_plan", "lesson_progress",
            "user_role", "app_user", "content_module_version", "content_state");

    private Transactions tx;
    private MutableClock clock;
    private ContentRepository content;
    private long wang;

    private void setUp(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, TABLES);
        tx = new Transactions(db.entityManagerFactory());
        clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        wang = tx.inTransaction(em -> {
            User u = new User(new UserProfile("wang", "E-wang", "王伟", "wang@example.com", null, null, Language.ZH_CN),
                    EnumSet.of(Role.TRAINEE), "pbkdf2-sha256$1$AAAA$AAAA", clock.instant());
            em.persist(u);
            em.flush();
            return u.getId();
        });
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(ContentFixture.copyOfSample().root());
    }

    private AttemptService attempts() {
        return new AttemptService(tx, clock, TestUsers.signedIn(wang, "wang", Role.TRAINEE), new AttemptPlans(content), new QuestionCatalog(content, tx));
    }

    private SelfAssessmentService service() {
        return new SelfAssessmentService(tx, clock, TestUsers.signedIn(wang, "wang", Role.TRAINEE), content, attempts());
    }

    private void rate(long attemptId, int calm, int listen) {
        AttemptService a = attempts();
        AttemptItem item = a.load(attemptId).items().get(0);
        a.save(attemptId, item, new Answer.Ratings(Map.of("calm", calm, "listen", listen)));
        a.submit(attemptId);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theStartRoundThenTheEndRoundOnceTheCourseEndIsReached(Kind kind) {
        setUp(kind);
        SelfAssessmentService svc = service();
        long start = svc.startRound(Round.START);
        assertEquals(start, svc.startRound(Round.START), "a second click resumes the same attempt");
        assertFalse(svc.overview().endOffered());
        rate(start, 2, 4);
        assertThrows(UserInputException.class, () -> svc.startRound(Round.START), "the start round is taken once");

        SelfAssessmentService.Overview o = svc.overview();
        assertTrue(o.finished(Round.START));
        assertFalse(o.endOffered(), "not before the end of the course");
        assertEquals("selfAssessment.endNotYet", assertThrows(UserInputException.class, () -> svc.startRound(Round.END)).messageKey());

        // Submitting the action plan is the end of the course.
        new ActionPlanService(tx, clock, TestUsers.signedIn(wang, "wang", Role.TRAINEE), content, new NotificationWriter(clock), List.of(30))
                .submitMine(null, List.of(Goals.filled("目标")));
        assertTrue(svc.overview().endOffered());
        long end = svc.startRound(Round.END);
        rate(end, 4, 3);

        o = svc.overview();
        assertEquals(Map.of("calm", 2, "listen", 4), o.round(Round.START).orElseThrow().ratings());
        assertEquals(Map.of("calm", 4, "listen", 3), o.round(Round.END).orElseThrow().ratings());
        assertEquals(List.of(2, -1), o.result().rows().stream().map(SelfAssessmentResult.Row::change).toList());
        assertEquals("我能保持冷静", o.statements().get(0).text().in(Language.ZH_CN));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSelfAssessmentTakenFromTheCoursePageBecomesTheStartRound(Kind kind) {
        setUp(kind);
        AttemptService a = attempts();
        long earlier = a.startOrResume(com.servicecraft.quiz.AttemptKind.EXERCISE, "sa-self");
        rate(earlier, 3, 3);
        SelfAssessmentService svc = service();
        svc.adoptEarlierAttempt();
        svc.adoptEarlierAttempt();
        assertEquals(earlier, svc.overview().round(Round.START).orElseThrow().attemptId());
    }
}
