package com.servicecraft.lti;

import com.servicecraft.audit.AuditLog;
import com.servicecraft.certificate.CertificateService;
import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.PasswordHasher;
import com.servicecraft.lti.TestLtiPlatform.ReceivedScore;
import com.servicecraft.lti.TestLtiPlatform.Scenario;
import com.servicecraft.reporting.RecordsFixture;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.servicecraft.lti.TestLtiPlatform.aLearner;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Course completion back to the LMS, on H2 and MariaDB: a person who came through a link to the whole
 * course ({@code course}, with a line item) and completed the course (the records fixture's 张伟, whose
 * certificate the real certificate service issues by the completion rules) gets one score sent; one who
 * has not completed (the fixture's second trainee) gets none; two nodes detecting at once, and detecting
 * again, queue one.
 */
class CourseCompletionScoresTest {
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

    /** The platform and the tool's key, after the fixture cleared every table. */
    private void setUp() throws SQLException {
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

    /** Launches {@code s} and makes the fixture's trainee {@code userId} the person behind its LMS account. */
    private void launchAs(Scenario s, long userId) throws Exception {
        long provisioned = platform.launchInto(launches, s, TOOL).user().id();
        update("UPDATE lti_user_link SET user_id = ? WHERE user_id = ?", userId, provisioned);
        update("UPDATE lti_context_member SET user_id = ? WHERE user_id = ?", userId, provisioned);
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<ReceivedScore> scoresFor(String subject) {
        return platform.receivedScores().stream().filter(r -> subject.equals(r.score().get("userId"))).toList();
    }

    private CourseCompletionScores detector() {
        return new CourseCompletionScores(tx, clock, () -> RecordsFixture.SHAPE.courseId(), new PeriodicJobs());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCourseLinkedPersonWhoCompletesGetsOneScoreAndOneWhoHasNotGetsNone(Kind kind) throws Exception {
        db = TestDatabases.get(kind);
        try (RecordsFixture fx = new RecordsFixture(db)) {
            var people = fx.scene();
            setUp();
            String done = "ags-course-done-" + kind;
            String notYet = "ags-course-open-" + kind;
            launchAs(aLearner(done).resourceLink("rl-course").target("course"), people.zhang());
            launchAs(aLearner(notYet).resourceLink("rl-course").target("course"), people.mal());

            CourseCompletionScores first = detector();
            assertEquals(0, first.queuePending(), "no certificate yet: the course is not recorded as completed");

            CertificateService certificates = new CertificateService(db, () -> Optional.of(RecordsFixture.SHAPE), clock, 24);
            assertEquals(1, certificates.issuePending(), "only 张伟 completed the course");

            CourseCompletionScores second = detector();
            List<Object> queued = AtOnce.run(List.of(() -> first.queuePending(), () -> second.queuePending()));
            assertEquals(1, queued.stream().mapToInt(o -> (Integer) o).sum(), "two nodes at once queue one");
            assertEquals(0, first.queuePending(), "detecting again queues nothing");
            assertEquals(1, count("SELECT COUNT(*) FROM lti_score_outbox WHERE user_id = ?", people.zhang()));
            assertEquals(0, count("SELECT COUNT(*) FROM lti_score_outbox WHERE user_id = ?", people.mal()));

            ScoreOutbox outbox = new ScoreOutbox(tx, clock, new LtiPlatforms(db, clock), keys, new AuditLog(db, clock), new PeriodicJobs());
            assertEquals(1, outbox.runOnce());
            assertEquals(0, outbox.runOnce(), "nothing left to send");
            assertEquals(0, second.queuePending(), "a sent score is not queued again");

            List<ReceivedScore> got = scoresFor(done);
            assertEquals(1, got.size());
            Map<String, Object> score = got.get(0).score();
            assertEquals("/ags/course-101/lineitems/rl-course/lineitem/scores?type_id=7", got.get(0).scoresUrl());
            assertEquals(90.0, ((Number) score.get("scoreGiven")).doubleValue(), 0.001, "the post-course test's best, as on the certificate");
            assertEquals(100.0, ((Number) score.get("scoreMaximum")).doubleValue());
            assertEquals("Completed", score.get("activityProgress"));
            assertEquals("FullyGraded", score.get("gradingProgress"));
            assertEquals(0, scoresFor(notYet).size(), "not completed: nothing sent");
            assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'lti.score.sent' AND actor_id = ?", people.zhang()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aLinkToAModuleSendsNoCourseScore(Kind kind) throws Exception {
        db = TestDatabases.get(kind);
        try (RecordsFixture fx = new RecordsFixture(db)) {
            var people = fx.scene();
            setUp();
            launchAs(aLearner("ags-course-module-" + kind).resourceLink("rl-module").target("module:sample-a"), people.zhang());
            assertEquals(1, new CertificateService(db, () -> Optional.of(RecordsFixture.SHAPE), clock, 24).issuePending());
            assertEquals(0, detector().queuePending(), "the link opens a module, not the course");
            assertEquals(0, new CourseCompletionScores(tx, clock, () -> null, new PeriodicJobs()).queuePending(),
                    "no course loaded: nothing to do");
        }
    }
}
