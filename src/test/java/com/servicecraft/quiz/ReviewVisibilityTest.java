package com.servicecraft.quiz;

import com.servicecraft.question.Answer;
import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a submitted attempt shows, on H2 and MariaDB, with review settings like the course's: the
 * post-course test shows the trainee the score only; a module quiz right/wrong per question and,
 * once closed, the keys. A trainer sees everything. The review rows are what the result page shows.
 */
class ReviewVisibilityTest {
    private Transactions tx;
    private MutableClock clock;
    private ContentRepository content;
    private long wang;
    private long trainer;

    private void setUp(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("attempt_item", "attempt", "attempt_grant", "group_member", "training_group", "notification",
                "user_role", "app_user", "content_module_version", "content_state"));
        tx = new Transactions(db.entityManagerFactory());
        clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        ContentFixture fixture = ContentFixture.copyOfSample()
                .replace("course.yaml", "  attempts: 1\n",
                        "  attempts: 1\n  review: {afterSubmit: [score], afterClose: [score, answers, explanations]}\n")
                .replace("sample-a/module.yaml", "mode: test}",
                        "mode: test, review: {afterSubmit: [score, correctness], afterClose: [score, answers, explanations]}}");
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(fixture.root());
        assertTrue(content.current().problems().isEmpty(), () -> content.current().problems().toString());
        TestPeople people = new TestPeople(tx, clock);
        wang = people.aTrainee("wang").create();
        trainer = people.aTrainer("trainer1").create();
        people.group("Team 1", trainer, wang);
    }

    private CurrentUser user(long id, Role role) {
        return TestUsers.signedIn(id, "u" + id, role);
    }

    private AttemptService attempts(CurrentUser who) {
        return new AttemptService(tx, clock, who, new AttemptPlans(content), new QuestionCatalog(content, tx));
    }

    private ReviewPolicy policy(CurrentUser who) {
        return new ReviewPolicy(new AttemptPlans(content), attempts(who), who);
    }

    /** The rows the result page shows to this viewer. */
    private List<ReviewRow> resultRows(CurrentUser who, long attemptId) {
        AttemptService.AttemptData data = attempts(who).load(attemptId);
        return AttemptReview.rows(data, new QuestionCatalog(content, tx), policy(who).forViewer(data.attempt()), Language.EN);
    }

    /** Starts, answers every question with something that fits, and submits. */
    private long takeAndSubmit(AttemptKind kind, String sourceId) {
        AttemptService svc = attempts(user(wang, Role.TRAINEE));
        long id = svc.startOrResume(kind, sourceId);
        for (AttemptItem i : svc.load(id).items()) {
            Answer a = switch (i.getQuestionType()) {
                case "single-choice" -> new Answer.Choices(Set.of("a"));
                case "multiple-choice" -> new Answer.Choices(Set.of("a", "c"));
                case "true-false" -> new Answer.Bool(true);
                case "ordering" -> new Answer.Order(List.of("s2", "s1", "s3"));
                case "matching" -> new Answer.Matches(Map.of("p1", "p2", "p2", "p1", "p3", "p3"));
                default -> throw new IllegalStateException(i.getQuestionType());
            };
            svc.save(id, i, a);
        }
        svc.submit(id);
        return id;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void thePostCourseTestShowsTheTraineeTheScoreAndNoQuestionButATrainerEverything(Kind kind) {
        setUp(kind);
        long id = takeAndSubmit(AttemptKind.POST_TEST, AttemptPlans.POST_TEST_ID);
        CurrentUser me = user(wang, Role.TRAINEE);
        Attempt a = attempts(me).load(id).attempt();

        assertEquals(new ReviewVisibility(true, false, false, false, false), policy(me).forViewer(a));
        assertEquals(List.of(), resultRows(me, id), "no question, no answer, no right/wrong: the attempts are used up, yet the test never closes");

        CurrentUser coach = user(trainer, Role.TRAINER);
        assertEquals(ReviewVisibility.EVERYTHING, policy(coach).forViewer(a));
        List<ReviewRow> rows = resultRows(coach, id);
        assertEquals(3, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.fraction() != null && r.rightAnswer() != null && r.yourAnswer() != null), rows.toString());
        assertEquals(new ReviewVisibility(true, false, false, false, false), policy(coach).forTrainee(a),
                "what the trainee may see, asked by the trainer (for a notification)");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aModuleQuizShowsMarksAndKeepsItsKeysUntilNoAttemptIsLeftAlsoOnTheLaterAttempt(Kind kind) {
        setUp(kind);
        CurrentUser me = user(wang, Role.TRAINEE);
        long first = takeAndSubmit(AttemptKind.MODULE_QUIZ, "sample-a");
        List<ReviewRow> rows = resultRows(me, first);
        assertEquals(3, rows.size());
        for (ReviewRow r : rows) {
            assertNotNull(r.fraction(), "right/wrong per question");
            assertFalse(r.showsResponse());
            assertNull(r.yourAnswer(), "the trainee's answer beside its mark would give the key away");
            assertNull(r.rightAnswer());
            assertNull(r.explanation());
            assertNull(r.distractor());
        }

        long second = attempts(me).startOrResume(AttemptKind.MODULE_QUIZ, "sample-a");
        assertTrue(resultRows(me, first).stream().allMatch(r -> r.rightAnswer() == null), "a second attempt is open: no keys of the first");
        attempts(me).submit(second);

        assertTrue(resultRows(me, first).stream().allMatch(r -> r.rightAnswer() != null && r.yourAnswer() != null && r.explanation() != null),
                "no attempt left: afterClose shows the answers");
        assertTrue(resultRows(me, second).stream().allMatch(r -> r.rightAnswer() != null));
    }
}
