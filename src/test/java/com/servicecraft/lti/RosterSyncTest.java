package com.servicecraft.lti;

import com.servicecraft.audit.AuditLog;
import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.PasswordHasher;
import com.servicecraft.identity.Role;
import com.servicecraft.lti.TestLtiPlatform.Member;
import com.servicecraft.lti.TestLtiPlatform.Scenario;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static com.servicecraft.lti.TestLtiPlatform.aLearner;
import static com.servicecraft.lti.TestLtiPlatform.anInstructor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Names and Role Provisioning on H2 and MariaDB: a trainer refreshes their LMS group from the test
 * platform's membership service (three pages): members added, a name updated, a learner who left removed.
 */
class RosterSyncTest {
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
        TestDatabases.clear(db, List.of("lti_score_outbox", "lti_platform", "lti_launch_state", "lti_user_link", "lti_context", "app_user",
                "training_group", "group_member", "audit_log"));
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
        launches = new LtiLaunchService(new LtiPlatforms(db, clock), new LaunchStates(db, clock), tx, clock, new PasswordHasher(),
                new AuditLog(db, clock), content::course);
    }

    private LtiLaunchService.Landing launch(Scenario s) throws LaunchRefused {
        return platform.launchInto(launches, s, TOOL);
    }

    private RosterSync as(long userId, Role role) {
        return new RosterSync(tx, clock, TestUsers.signedIn(userId, "u" + userId, role), new LtiPlatforms(db, clock), keys,
                new PasswordHasher(), new AuditLog(db, clock));
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
    void aTrainerRefreshesTheGroupFromTheLmsRosterThroughEveryPage(Kind kind) throws Exception {
        setUp(kind);
        String ctx = "roster-" + kind;
        LtiLaunchService.Landing teacher = launch(anInstructor("t-" + kind).context(ctx, "Roster course"));
        long groupId = teacher.groupId();
        long early = launch(aLearner("a-" + kind).context(ctx, "Roster course")).user().id();
        long left = launch(aLearner("x-" + kind).context(ctx, "Roster course")).user().id();
        assertEquals(2, count("SELECT COUNT(*) FROM group_member WHERE group_id = ?", groupId));

        platform.roster(ctx, List.of(
                new Member("t-" + kind, "Li Lei", null, "Active", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")),
                Member.learner("a-" + kind, "Wang Fang (renamed)"),
                Member.learner("b-" + kind, "Zhang Wei"),
                Member.learner("c-" + kind, "Liu Yang"),
                new Member("f-" + kind, "Gone Soon", null, "Inactive", List.of("Learner")),
                Member.learner("d-" + kind, "Chen Jing")));
        int pagesBefore = platform.membershipPagesServed();

        assertThrows(AccessDeniedException.class, () -> as(early, Role.TRAINER).sync(groupId), "only the group's owner");
        LtiProvisioning.SyncResult r = as(teacher.user().id(), Role.TRAINER).sync(groupId);

        assertEquals(new LtiProvisioning.SyncResult(3, 1, 1), r, "b, c, d added; a kept; x removed; the inactive f not added");
        assertEquals(3, platform.membershipPagesServed() - pagesBefore, "six members, two a page");
        assertEquals(4, count("SELECT COUNT(*) FROM group_member WHERE group_id = ?", groupId));
        assertEquals(0, count("SELECT COUNT(*) FROM group_member WHERE group_id = ? AND user_id = ?", groupId, left));
        assertEquals(0, count("SELECT COUNT(*) FROM group_member WHERE group_id = ? AND user_id = ?", groupId, teacher.user().id()));
        assertEquals(1, count("SELECT COUNT(*) FROM app_user WHERE id = ? AND display_name = 'Wang Fang (renamed)'", early));
        assertEquals(0, count("SELECT COUNT(*) FROM lti_user_link WHERE subject = ?", "f-" + kind));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'lti.roster.sync' AND outcome = 'ok'"));

        LtiProvisioning.SyncResult again = as(teacher.user().id(), Role.TRAINER).sync(groupId);
        assertEquals(new LtiProvisioning.SyncResult(0, 4, 0), again, "a second refresh changes nothing");
        List<RosterSync.LmsCourse> mine = as(teacher.user().id(), Role.TRAINER).myCourses();
        assertEquals(1, mine.size());
        assertEquals(4, mine.get(0).members());
        assertEquals(List.of(), as(early, Role.TRAINER).myCourses(), "not the owner: not listed");
    }

    @Test
    void theNextPageComesFromTheLinkHeader() {
        assertEquals(Optional.of("https://lms.example.com/m?p=2"),
                RosterSync.next(List.of("<https://lms.example.com/m?p=0>; rel=\"first\", <https://lms.example.com/m?p=2>; rel=\"next\"")));
        assertEquals(Optional.empty(), RosterSync.next(List.of("<https://lms.example.com/m?p=0>; rel=\"first\"")));
        assertEquals(Optional.empty(), RosterSync.next(List.of()));
    }
}
