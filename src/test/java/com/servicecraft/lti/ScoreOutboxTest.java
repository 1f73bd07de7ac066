package com.servicecraft.lti;

import com.servicecraft.audit.AuditLog;
import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.PasswordHasher;
import com.servicecraft.identity.Role;
import com.servicecraft.lti.TestLtiPlatform.ReceivedScore;
import com.servicecraft.lti.TestLtiPlatform.Scenario;
import com.servicecraft.question.Answer;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptItem;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptPlans;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.AttemptStatus;
import com.servicecraft.quiz.QuestionCatalog;
import com.servicecraft.shared.jobs.PeriodicJobs;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.AtOnce;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.servicecraft.lti.TestLtiPlatform.aLearner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grades back to the LMS (Assignment and Grade Services), on H2 and MariaDB, with the outbox job
 * called directly and a test clock: a graded module quiz of a person who came through the LMS
 * reaches the test platform's score endpoint once — with one node, with two nodes at once, and
 * after the platform was down for a while.
 */
class ScoreOutboxTest {
    private static final String TOOL = "http://127.0.0.1:9999";
    private static MutableClock clock;
    private static TestLtiPlatform platform;
    private static ContentRepository content;

    private Database db;
    private Transactions tx;
    private LtiLaunchService launches;
    private ToolKeys keys;

    @BeforeAll
    static void startPlatform() throws Exception {
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        platform = new TestLtiPlatform(clock).tool(TOOL);
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    private void setUp(Kind kind) throws SQLException {
        db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("lti_score_outbox", "attempt_item", "attempt", "notification", "lti_platform", "lti_launch_state",
                "lti_user_link", "lti_context", "app_user", "training_group", "group_member", "audit_log"));
        tx = new Transactions(db.entityManagerFactory());
        if (content == null) {
            content = new ContentRepository(tx, clock, TestUsers.admin());
            content.start(ContentFixture.copyOfSample().root());
        }
        try (Connection c = db.dataSource().getConnection()) {
            platform.registerIn(c, true);
        }
        keys = new ToolKeys(db, clock);
        keys.ensureSigningKey();
        platform.toolKeys(keys::publicKeySet);
        platform.down(false);
        launches = new LtiLaunchService(new LtiPlatforms(db, clock), new LaunchStates(db, clock), tx, clock, new PasswordHasher(),
                new AuditLog(db, clock), content::course);
    }

    /** A node's outbox runner. */
    private ScoreOutbox node() {
        return new ScoreOutbox(tx, clock, new LtiPlatforms(db, clock), keys, new AuditLog(db, clock), new PeriodicJobs());
    }

    private long launch(Scenario s) throws LaunchRefused {
        return platform.launchInto(launches, s, TOOL).user().id();
    }

    /** The person takes sample-a's module quiz with every answer right and submits. */
    private Attempt passQuiz(long userId) {
        AttemptService svc = new AttemptService(tx, clock, TestUsers.signedIn(userId, "u" + userId, Role.TRAINEE), new AttemptPlans(content),
                new QuestionCatalog(content, tx), null, List.of(new LtiScores(clock)));
        long id = svc.startOrResume(AttemptKind.MODULE_QUIZ, "sample-a");
        for (AttemptItem i : svc.load(id).items()) {
            svc.save(id, i, switch (i.getQuestionType()) {
                case "single-choice" -> new Answer.Choices(Set.of("c"));
                case "multiple-choice" -> new Answer.Choices(Set.of("c"));
                case "true-false" -> new Answer.Bool(true);
                case "ordering" -> new Answer.Order(List.of("s3", "s1", "s2"));
                default -> throw new IllegalStateException(i.getQuestionType());
            });
        }
        clock.advance(Duration.ofMinutes(1));
        Attempt a = svc.submit(id);
        assertEquals(AttemptStatus.GRADED, a.getStatus());
        return a;
    }

    private List<ReceivedScore> scoresFor(String subject) {
        return platform.receivedScores().stream().filter(r -> subject.equals(r.score().get("userId"))).toList();
    }

    private long count(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aGradedQuizReachesTheScoreEndpointOnce(Kind kind) throws Exception {
        setUp(kind);
        String sub = "ags-once-" + kind;
        long user = launch(aLearner(sub).resourceLink("rl-" + sub).target("quiz:sample-a"));
        Attempt a = passQuiz(user);
        assertEquals(1, count("SELECT COUNT(*) FROM lti_score_outbox WHERE user_id = ? AND state = 'PENDING'", user),
                "queued with the grade");
        int tokensBefore = platform.tokenRequests();

        ScoreOutbox node = node();
        assertEquals(1, node.runOnce());
        assertEquals(0, node.runOnce(), "nothing left to send");

        List<ReceivedScore> got = scoresFor(sub);
        assertEquals(1, got.size());
        Map<String, Object> score = got.get(0).score();
        assertEquals("/ags/course-101/lineitems/rl-" + sub + "/lineitem/scores?type_id=7", got.get(0).scoresUrl(),
                "the line item's query string stays after /scores");
        assertEquals(a.getScorePercent(), ((Number) score.get("scoreGiven")).doubleValue(), 0.01);
        assertEquals(100.0, ((Number) score.get("scoreMaximum")).doubleValue());
        assertEquals("Completed", score.get("activityProgress"));
        assertEquals("FullyGraded", score.get("gradingProgress"));
        assertNotNull(score.get("timestamp"));
        assertEquals(1, platform.tokenRequests() - tokensBefore);
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE channel = 'lti' AND action = 'lti.score.sent' AND actor_id = ?", user));
        assertEquals(1, count("SELECT COUNT(*) FROM lti_score_outbox WHERE user_id = ? AND state = 'SENT' AND sent_at IS NOT NULL", user));

        passQuiz(user);
        assertEquals(1, node.runOnce());
        assertEquals(2, scoresFor(sub).size(), "the second attempt's score too");
        assertEquals(1, platform.tokenRequests() - tokensBefore, "the token was kept until it expires");
    }

    @Test
    void aPersonWithoutALineItemSendsNothing() throws Exception {
        setUp(Kind.H2);
        long viaModule = launch(aLearner("ags-module").resourceLink("rl-module").target("module:sample-a"));
        passQuiz(viaModule);
        assertEquals(0, count("SELECT COUNT(*) FROM lti_score_outbox"), "the link opens a module, not this quiz");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoNodesRunningTheOutboxAtOnceSendEachScoreOnce(Kind kind) throws Exception {
        setUp(kind);
        int people = 6;
        for (int i = 0; i < people; i++) {
            String sub = "ags-two-" + kind + "-" + i;
            passQuiz(launch(aLearner(sub).resourceLink("rl-two").target("quiz:sample-a")));
        }
        ScoreOutbox first = node();
        ScoreOutbox second = node();
        List<Object> sent = AtOnce.run(List.of(() -> first.runOnce(), () -> second.runOnce()));
        assertEquals(people, sent.stream().mapToInt(o -> (Integer) o).sum());
        for (int i = 0; i < people; i++) {
            assertEquals(1, scoresFor("ags-two-" + kind + "-" + i).size(), "person " + i);
        }
        assertEquals(people, count("SELECT COUNT(*) FROM lti_score_outbox WHERE state = 'SENT'"));
        assertEquals(people, count("SELECT COUNT(*) FROM audit_log WHERE action = 'lti.score.sent'"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aScoreWaitsWhileThePlatformIsDownAndArrivesOnceAfterwards(Kind kind) throws Exception {
        setUp(kind);
        String sub = "ags-down-" + kind;
        long user = launch(aLearner(sub).resourceLink("rl-down").target("quiz:sample-a"));
        passQuiz(user);
        platform.down(true);
        ScoreOutbox node = node();
        assertEquals(0, node.runOnce());
        assertEquals(1, count("SELECT COUNT(*) FROM lti_score_outbox WHERE state = 'PENDING' AND attempts = 1"
                + " AND last_error LIKE 'HTTP 503%'"), "the error is kept for administrators");
        assertEquals(0, node.runOnce(), "not again before the back-off");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, node.runOnce());
        assertEquals(2, count("SELECT attempts FROM lti_score_outbox WHERE state = 'PENDING'"), "tried again after a minute");
        clock.advance(Duration.ofSeconds(90));
        assertEquals(0, node.runOnce(), "the second wait is two minutes");
        clock.advance(Duration.ofSeconds(31));
        assertEquals(0, node.runOnce());
        assertEquals(3, count("SELECT attempts FROM lti_score_outbox WHERE state = 'PENDING'"));
        assertEquals(0, scoresFor(sub).size());

        platform.down(false);
        clock.advance(Duration.ofMinutes(4));
        assertEquals(1, node.runOnce());
        assertEquals(0, node.runOnce());
        assertEquals(1, scoresFor(sub).size(), "delivered once");
        assertEquals(1, count("SELECT COUNT(*) FROM lti_score_outbox WHERE state = 'SENT' AND last_error IS NULL"));
        List<ScoreOutbox.Entry> seen = node.recent(10);
        assertEquals("SENT", seen.get(0).state());
        assertFalse(seen.isEmpty());
        assertEquals("https://lms.example.com/li/5/scores?a=1&b=2", ScoreOutbox.scoresUrl("https://lms.example.com/li/5?a=1&b=2"));
        assertEquals("https://lms.example.com/li/5/scores", ScoreOutbox.scoresUrl("https://lms.example.com/li/5/"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void writtenWorkSendsPendingManualThenTheTrainersGradeAsFullyGraded(Kind kind) throws Exception {
        setUp(kind);
        ContentRepository real = new ContentRepository(tx, clock, TestUsers.admin());
        real.start(java.nio.file.Path.of(System.getProperty("servicecraft.contentDir", "content")));
        LtiLaunchService realLaunches = launches;
        launches = new LtiLaunchService(new LtiPlatforms(db, clock), new LaunchStates(db, clock), tx, clock, new PasswordHasher(),
                new AuditLog(db, clock), real::course);
        String sub = "ags-written-" + kind;
        long user;
        try {
            user = launch(aLearner(sub).resourceLink("rl-written").target("exercise:m5-x-guarantee"));
        } finally {
            launches = realLaunches;
        }
        var who = TestUsers.signedIn(user, "u" + user, Role.TRAINEE);
        AttemptService svc = new AttemptService(tx, clock, who, new AttemptPlans(real), new QuestionCatalog(real, tx), null,
                List.of(new LtiScores(clock)));
        long attemptId = svc.startOrResume(AttemptKind.EXERCISE, "m5-x-guarantee");
        AttemptItem item = svc.load(attemptId).items().get(0);
        svc.save(attemptId, item, new Answer.Text("午市套餐 15 分钟内上齐，做不到就免单。".repeat(30)));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(AttemptStatus.AWAITING_TRAINER, svc.submit(attemptId).getStatus());

        ScoreOutbox node = node();
        assertEquals(1, node.runOnce());
        List<ReceivedScore> got = scoresFor(sub);
        assertEquals(1, got.size());
        assertEquals("Submitted", got.get(0).score().get("activityProgress"));
        assertEquals("PendingManual", got.get(0).score().get("gradingProgress"));
        assertFalse(got.get(0).score().containsKey("scoreGiven"), "no score while the trainer has not graded");

        long boss = new com.servicecraft.testing.TestPeople(tx, clock).anAdmin("boss-" + kind).create();
        var admin = TestUsers.signedIn(boss, "boss", Role.ADMIN);
        AttemptService adminAttempts = new AttemptService(tx, clock, admin, new AttemptPlans(real), new QuestionCatalog(real, tx), null,
                List.of(new LtiScores(clock)));
        clock.advance(Duration.ofMinutes(5));
        new com.servicecraft.grading.GradingService(tx, admin, adminAttempts, new QuestionCatalog(real, tx),
                new com.servicecraft.notification.NotificationWriter(clock), real,
                new com.servicecraft.quiz.ReviewPolicy(new AttemptPlans(real), adminAttempts, admin), clock)
                .grade(item.getId(), Map.of("r1", 2, "r2", 2, "r3", 1, "r4", 1, "r5", 1), "good");
        assertEquals(1, node.runOnce());
        got = scoresFor(sub);
        assertEquals(2, got.size(), "then the grade");
        assertEquals("Completed", got.get(1).score().get("activityProgress"));
        assertEquals("FullyGraded", got.get(1).score().get("gradingProgress"));
        assertEquals(70.0, ((Number) got.get(1).score().get("scoreGiven")).doubleValue(), 0.01);
        assertTrue(Instant.parse((String) got.get(1).score().get("timestamp")).isAfter(Instant.parse((String) got.get(0).score().get("timestamp"))),
                "the grade is newer than the submission");
    }
}
