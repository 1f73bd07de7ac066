package com.servicecraft.lti;

import com.servicecraft.audit.AuditLog;
import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.PasswordHasher;
import com.servicecraft.identity.Role;
import com.servicecraft.lti.LaunchRefused.Reason;
import com.servicecraft.lti.TestLtiPlatform.Fault;
import com.servicecraft.lti.TestLtiPlatform.Scenario;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.servicecraft.lti.TestLtiPlatform.aLearner;
import static com.servicecraft.lti.TestLtiPlatform.anInstructor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LTI 1.3 launches against the test platform's keys, on H2 (and MariaDB where the data matters):
 * what a valid launch creates, and every refusal — each of which creates nothing.
 */
class LtiLaunchServiceTest {
    private static final String TOOL = "http://127.0.0.1:9999";
    private static MutableClock clock;
    private static TestLtiPlatform platform;
    private static ContentRepository content;

    private Database db;
    private LtiLaunchService service;
    private long platformId;

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
        TestDatabases.clear(db, List.of("lti_platform", "lti_launch_state", "lti_user_link", "lti_context", "app_user", "training_group",
                "group_member", "audit_log"));
        Transactions tx = new Transactions(db.entityManagerFactory());
        if (content == null) {
            content = new ContentRepository(tx, clock, TestUsers.admin());
            content.start(ContentFixture.copyOfSample().root());
        }
        try (Connection c = db.dataSource().getConnection()) {
            platformId = platform.registerIn(c, true);
        }
        service = new LtiLaunchService(new LtiPlatforms(db, clock), new LaunchStates(db, clock), tx, clock, new PasswordHasher(),
                new AuditLog(db, clock), content::course);
    }

    /** The platform's login initiation, answered by the tool: the state and nonce of the authentication request. */
    private Map<String, String> initiate(Scenario s) throws LaunchRefused {
        return platform.authenticationRequest(service, s, TOOL);
    }

    private LtiLaunchService.Landing launch(Scenario s) throws LaunchRefused {
        Map<String, String> auth = initiate(s);
        return service.launch(auth.get("state"), platform.idToken(s, auth.get("nonce")));
    }

    private void refused(Reason reason, Scenario s) {
        LaunchRefused e = assertThrows(LaunchRefused.class, () -> launch(s));
        assertEquals(reason, e.reason(), e.getMessage());
        assertNothingCreated();
    }

    private void assertNothingCreated() {
        assertEquals(0, count("SELECT COUNT(*) FROM app_user"), "no person");
        assertEquals(0, count("SELECT COUNT(*) FROM training_group"), "no group");
        assertEquals(0, count("SELECT COUNT(*) FROM lti_user_link"), "no link");
        assertEquals(0, count("SELECT COUNT(*) FROM lti_context"), "no context");
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
    void aLearnerIsCreatedSignedInAsTraineeAndLandsOnTheLinkedModuleInTheirLocale(Kind kind) throws Exception {
        setUp(kind);
        LtiLaunchService.Landing landing = launch(aLearner("learner-1").target("module:sample-a").locale("zh-CN"));

        assertEquals("/learn/course.xhtml#module-sample-a", landing.targetPath());
        assertEquals(Language.ZH_CN, landing.language());
        assertEquals(Set.of(Role.TRAINEE), landing.user().roles());
        assertEquals("Wang Fang", landing.user().displayName());
        assertEquals(Set.of(platform.issuer()), landing.frameOrigins(), "the platform may frame the tool");
        assertNull(landing.groupId(), "no group until an instructor launches");
        assertEquals(1, count("SELECT COUNT(*) FROM lti_user_link WHERE platform_id = ? AND subject = 'learner-1'", platformId));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE channel = 'lti' AND action = 'lti.launch' AND outcome = 'ok'"));
        assertEquals(1, count("SELECT COUNT(*) FROM lti_context WHERE memberships_url IS NOT NULL AND lineitems_url IS NOT NULL"),
                "the service endpoints of the launch are kept for later");

        LtiLaunchService.Landing again = launch(aLearner("learner-1").locale("en"));
        assertEquals(landing.user().id(), again.user().id(), "the same person by (platform, sub)");
        assertEquals(Language.EN, again.language());
        assertEquals("/learn/course.xhtml", again.targetPath(), "no target: the course home");
        assertEquals(1, count("SELECT COUNT(*) FROM app_user"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theFirstInstructorOwnsTheContextsGroupAndLearnersJoinIt(Kind kind) throws Exception {
        setUp(kind);
        long early = launch(aLearner("early")).user().id();
        LtiLaunchService.Landing teacher = launch(anInstructor("teacher").target("quiz:sample-a").locale("en"));
        long late = launch(aLearner("late")).user().id();

        assertEquals(Set.of(Role.TRAINER), teacher.user().roles());
        assertEquals("/learn/quiz.xhtml?module=sample-a", teacher.targetPath());
        assertNotNull(teacher.groupId());
        assertEquals(teacher.user().id(), count("SELECT owner_id FROM training_group WHERE id = ?", teacher.groupId()));
        assertEquals(1, count("SELECT COUNT(*) FROM training_group WHERE name = 'Customer Service 101'"));
        assertEquals(2, count("SELECT COUNT(*) FROM group_member WHERE group_id = ? AND user_id IN (?, ?)", teacher.groupId(), early, late));
        assertEquals(0, count("SELECT COUNT(*) FROM group_member WHERE user_id = ?", teacher.user().id()), "the owner is no trainee member");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoFirstLaunchesOfOnePersonAtOnceMakeOnePersonAndOneGroup(Kind kind) throws Exception {
        setUp(kind);
        Scenario s = anInstructor("twice");
        Map<String, String> a = initiate(s);
        Map<String, String> b = initiate(s);
        String ta = platform.idToken(s, a.get("nonce"));
        String tb = platform.idToken(s, b.get("nonce"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            var first = pool.submit(() -> { go.await(); return service.launch(a.get("state"), ta); });
            var second = pool.submit(() -> { go.await(); return service.launch(b.get("state"), tb); });
            go.countDown();
            assertEquals(first.get().user().id(), second.get().user().id());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM app_user"));
        assertEquals(1, count("SELECT COUNT(*) FROM training_group"));
    }

    @Test
    void ltiRolesMapToServicecraftRolesAndARoleIsNeverTakenAway() throws Exception {
        setUp(Kind.H2);
        assertEquals(Set.of(Role.ADMIN), launch(aLearner("sys").roles("http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator"))
                .user().roles());
        assertEquals(Set.of(Role.TRAINER), launch(aLearner("cd").roles("ContentDeveloper")).user().roles());
        assertEquals(Set.of(Role.TRAINER, Role.TRAINEE), launch(aLearner("cd").roles("Learner")).user().roles(),
                "a later launch as learner adds the trainee role and keeps the trainer role");
    }

    @Test
    void aDeepLinkingLaunchIsAcceptedForAnInstructorOnly() throws Exception {
        setUp(Kind.H2);
        LtiLaunchService.Landing teacher = launch(anInstructor("dl-teacher").deepLinking());
        assertEquals(LtiLaunchService.DEEP_LINK_PAGE, teacher.targetPath());
        assertEquals(platform.issuer() + "/deep-link-return", teacher.deepLinking().returnUrl());
        assertEquals(TestLtiPlatform.DEPLOYMENT_ID, teacher.deepLinking().deploymentId());
        LaunchRefused e = assertThrows(LaunchRefused.class, () -> launch(aLearner("dl-learner").deepLinking()));
        assertEquals(Reason.ROLE_NOT_ALLOWED, e.reason());
    }

    @Test
    void aReplayedLaunchIsRefused() throws Exception {
        setUp(Kind.H2);
        Scenario s = aLearner("replay");
        Map<String, String> auth = initiate(s);
        String token = platform.idToken(s, auth.get("nonce"));
        service.launch(auth.get("state"), token);
        TestDatabases.clear(db, List.of("app_user"));
        try (Connection c = db.dataSource().getConnection()) {
            // clear() emptied the platform too: register it again under the same issuer
            platformId = platform.registerIn(c, true);
        }
        assertEquals(Reason.UNKNOWN_STATE, assertThrows(LaunchRefused.class, () -> service.launch(auth.get("state"), token)).reason(),
                "the same state and token twice");
        Map<String, String> fresh = initiate(s);
        assertEquals(Reason.NONCE, assertThrows(LaunchRefused.class, () -> service.launch(fresh.get("state"), token)).reason(),
                "the old token with a fresh state: its nonce is not this state's");
        assertNothingCreated();
    }

    @Test
    void anUnknownIssuerIsRefusedAtLoginInitiation() throws Exception {
        setUp(Kind.H2);
        Map<String, String> params = new HashMap<>(platform.loginInitiation(platform.scenario(aLearner("x"))));
        params.put("iss", "https://unknown-lms.example.com");
        assertEquals(Reason.UNKNOWN_PLATFORM, assertThrows(LaunchRefused.class, () -> service.initiate(params, TOOL + "/lti/launch")).reason());
        assertEquals(0, count("SELECT COUNT(*) FROM lti_launch_state"));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        setUp(Kind.H2);
        refused(Reason.WRONG_ISSUER, aLearner("x").fault(Fault.WRONG_ISSUER));
    }

    @Test
    void anUnknownDeploymentIsRefused() throws Exception {
        setUp(Kind.H2);
        refused(Reason.UNKNOWN_DEPLOYMENT, aLearner("x").fault(Fault.UNKNOWN_DEPLOYMENT));
        Map<String, String> params = new HashMap<>(platform.loginInitiation(platform.scenario(aLearner("x"))));
        params.put("lti_deployment_id", "deployment-x");
        assertEquals(Reason.UNKNOWN_DEPLOYMENT, assertThrows(LaunchRefused.class, () -> service.initiate(params, TOOL + "/lti/launch")).reason());
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        setUp(Kind.H2);
        refused(Reason.BAD_SIGNATURE, aLearner("x").fault(Fault.OTHER_KEY));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        setUp(Kind.H2);
        refused(Reason.EXPIRED, aLearner("x").fault(Fault.EXPIRED));
    }

    @Test
    void aTokenWithinTheClockSkewIsAcceptedAndOneBeyondItRefused() throws Exception {
        setUp(Kind.H2);
        Scenario s = aLearner("skew");
        Map<String, String> auth = initiate(s);
        String token = platform.idToken(s, auth.get("nonce"));
        // exp is 5 minutes after iat; 50 s later than that is within the 60 s skew
        clock.advance(Duration.ofMinutes(5).plusSeconds(50));
        try {
            service.launch(auth.get("state"), token);
        } finally {
            clock.advance(Duration.ofSeconds(20));
        }
        Map<String, String> late = initiate(s);
        String lateToken = platform.idToken(s, late.get("nonce"));
        clock.advance(Duration.ofMinutes(6).plusSeconds(1));
        assertEquals(Reason.EXPIRED, assertThrows(LaunchRefused.class, () -> service.launch(late.get("state"), lateToken)).reason());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        setUp(Kind.H2);
        refused(Reason.WRONG_AUDIENCE, aLearner("x").fault(Fault.WRONG_AUDIENCE));
    }

    @Test
    void aTokenWithoutNonceIsRefused() throws Exception {
        setUp(Kind.H2);
        refused(Reason.NONCE, aLearner("x").fault(Fault.NO_NONCE));
    }

    @Test
    void aTamperedClaimIsRefused() throws Exception {
        setUp(Kind.H2);
        refused(Reason.BAD_SIGNATURE, aLearner("x").fault(Fault.TAMPERED));
    }

    @Test
    void aDisabledPlatformRefusesLaunches() throws Exception {
        setUp(Kind.H2);
        Scenario s = aLearner("x");
        Map<String, String> begun = initiate(s);
        new LtiPlatforms(db, clock).setEnabled(platformId, false);
        assertEquals(Reason.PLATFORM_DISABLED, assertThrows(LaunchRefused.class, () -> initiate(s)).reason());
        assertEquals(Reason.PLATFORM_DISABLED, assertThrows(LaunchRefused.class,
                () -> service.launch(begun.get("state"), platform.idToken(s, begun.get("nonce")))).reason(),
                "a launch begun before the platform was disabled");
        assertNothingCreated();
    }

    @Test
    void aRefusalIsAuditedWithItsReasonAndCorrelationId() throws Exception {
        setUp(Kind.H2);
        LaunchRefused e = assertThrows(LaunchRefused.class, () -> launch(aLearner("x").fault(Fault.EXPIRED)));
        service.refused(e, "launch", "abc123", "127.0.0.1");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'lti.launch' AND outcome = 'refused'"
                + " AND filters LIKE '%reason=expired correlation=abc123%'"));
    }

    @Test
    void theLandingTicketWorksOnceAndOnlyForMinutes() throws Exception {
        setUp(Kind.H2);
        LtiLaunchService.Landing landing = launch(aLearner("ticket"));
        assertTrue(service.peekTicket(landing.ticket()).isPresent());
        assertEquals(landing.user().id(), service.useTicket(landing.ticket()).orElseThrow().userId());
        assertTrue(service.useTicket(landing.ticket()).isEmpty(), "used once");
        LtiLaunchService.Landing late = launch(aLearner("ticket"));
        clock.advance(LaunchStates.TICKET_LIFETIME.plusSeconds(1));
        assertTrue(service.useTicket(late.ticket()).isEmpty(), "expired");
    }
}
