package com.servicecraft.identity;

import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users, one-time passwords, sign-in and throttling against a real database: H2 and MariaDB. */
class IdentityPersistenceTest {
    static final List<String> TABLES = List.of("login_throttle", "user_role", "app_user", "department", "setup_marker");
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private final PasswordHasher hasher = new PasswordHasher(1_000);
    private final MutableClock clock = new MutableClock(T0);

    private Transactions fresh(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, TABLES);
        return new Transactions(db.entityManagerFactory());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migrationsRunAndHibernateValidatesTheSchema(Kind kind) {
        Database db = TestDatabases.get(kind);
        // Database.open() migrated with Flyway and built the EntityManagerFactory with hbm2ddl=validate.
        assertNotNull(db.schemaVersion());
        assertEquals(kind == Kind.H2 ? "H2" : "MariaDB", db.productName());
        assertTrue(db.entityManagerFactory().isOpen());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAdministratorCreatesAUserWithTheirOwnExpiringTemporaryPassword(Kind kind) throws Exception {
        Transactions tx = fresh(kind);
        UserService users = users(tx, clock);
        long dept = new DepartmentService(tx, clock, TestUsers.admin()).create("售后服务部");

        TemporaryCredential issued = users.create(form("liu.yang", "E2001", "刘洋", "liu.yang@example.com", dept));
        long id = issued.userId();

        assertEquals("liu.yang", issued.username());
        assertEquals(T0.plus(Duration.ofDays(7)), issued.expiresAt());
        try (Connection c = TestDatabases.get(kind).dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select password_hash, password_must_change, display_name, temp_password_expires_at"
                     + " from app_user where id = " + id)) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("pbkdf2-sha256$1000$"));
            assertFalse(rs.getString(1).contains(issued.password()));
            assertTrue(rs.getBoolean(2), "a password set by an admin must be changed");
            assertEquals("刘洋", rs.getString(3), "Chinese survives the round trip");
            assertNotNull(rs.getTimestamp(4), "the expiry is stored");
        }
        UserForm loaded = users.load(id);
        assertEquals(EnumSet.of(Role.TRAINEE), loaded.getRoles());
        assertEquals(dept, loaded.getDepartmentId());
        SignInResult first = auth(tx).signIn("liu.yang", issued.password().toCharArray(), "10.0.0.1");
        assertInstanceOf(SignInResult.Success.class, first);
        assertTrue(((SignInResult.Success) first).mustChangePassword());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoUsersGetDifferentPasswordsAndOneDoesNotSignInAsTheOther(Kind kind) {
        Transactions tx = fresh(kind);
        UserService users = users(tx, clock);
        TemporaryCredential a = users.create(form("a.one", "E1", "A One", "a@example.com", null));
        TemporaryCredential b = users.create(form("b.two", "E2", "B Two", "b@example.com", null));

        assertNotEquals(a.password(), b.password());
        AuthenticationService auth = auth(tx);
        assertInstanceOf(SignInResult.Rejected.class, auth.signIn("b.two", a.password().toCharArray(), "10.0.0.1"));
        assertInstanceOf(SignInResult.Success.class, auth.signIn("a.one", a.password().toCharArray(), "10.0.0.1"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anExpiredTemporaryPasswordNoLongerSignsIn(Kind kind) {
        Transactions tx = fresh(kind);
        TemporaryCredential issued = users(tx, clock).create(form("zhao.min", "E5", "赵敏", "zhao@example.com", null));
        AuthenticationService auth = auth(tx);

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertInstanceOf(SignInResult.Success.class, auth.signIn("zhao.min", issued.password().toCharArray(), "10.0.0.1"));
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(SignInResult.TemporaryPasswordExpired.class,
                auth.signIn("zhao.min", issued.password().toCharArray(), "10.0.0.1"));
        assertInstanceOf(SignInResult.Rejected.class, auth.signIn("zhao.min", "a-wrong-password".toCharArray(), "10.0.0.1"),
                "a wrong password does not learn that the temporary one expired");

        TemporaryCredential again = users(tx, clock).issueTemporaryPassword(issued.userId());
        assertInstanceOf(SignInResult.Rejected.class, auth.signIn("zhao.min", issued.password().toCharArray(), "10.0.0.1"));
        assertInstanceOf(SignInResult.Success.class, auth.signIn("zhao.min", again.password().toCharArray(), "10.0.0.1"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aChosenPasswordMustNotBeCommonNorContainTheUserName(Kind kind) {
        Transactions tx = fresh(kind);
        TemporaryCredential issued = users(tx, clock).create(form("sun.yue", "E6", "孙悦", "sun@example.com", null));
        UserService asSunYue = new UserService(tx, hasher, clock, TestUsers.signedIn(issued.userId(), "sun.yue", Role.TRAINEE),
                new TemporaryPasswords(Duration.ofDays(7)));

        UserInputException common = assertThrows(UserInputException.class,
                () -> asSunYue.changeOwnPassword(issued.password(), "qwertyuiop"));
        assertEquals("password.tooCommon", common.messageKey());
        UserInputException named = assertThrows(UserInputException.class,
                () -> asSunYue.changeOwnPassword(issued.password(), "I-am-Sun.Yue-2026"));
        assertEquals("password.containsUsername", named.messageKey());

        asSunYue.changeOwnPassword(issued.password(), "tea-and-river-stones");
        SignInResult own = auth(tx).signIn("sun.yue", "tea-and-river-stones".toCharArray(), "10.0.0.1");
        assertFalse(((SignInResult.Success) own).mustChangePassword());
        clock.advance(Duration.ofDays(30));
        assertInstanceOf(SignInResult.Success.class, auth(tx).signIn("sun.yue", "tea-and-river-stones".toCharArray(), "10.0.0.1"),
                "a password the person chose does not expire");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void duplicateEmployeeNumbersControlCharactersAndNonAdminsAreRefused(Kind kind) {
        Transactions tx = fresh(kind);
        UserService users = users(tx, clock);
        users.create(form("a.one", "E1", "A One", "a@example.com", null));

        UserInputException dup = assertThrows(UserInputException.class,
                () -> users.create(form("a.two", "E1", "A Two", "a2@example.com", null)));
        assertEquals("user.employeeNumberTaken", dup.messageKey());
        UserInputException forged = assertThrows(UserInputException.class,
                () -> users.create(form("a.three", "E3", "A\r\nINFO: admin signed in", "a3@example.com", null)));
        assertEquals("user.displayNameControl", forged.messageKey());
        assertEquals("user.badUsername", assertThrows(UserInputException.class,
                () -> users.create(form("a\nb", "E4", "A B", "a4@example.com", null))).messageKey());

        UserService asTrainee = new UserService(tx, hasher, clock, TestUsers.signedIn(9, "t", Role.TRAINEE),
                new TemporaryPasswords(Duration.ofDays(7)));
        assertThrows(AccessDeniedException.class,
                () -> asTrainee.create(form("b.one", "E9", "B", "b@example.com", null)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failuresSlowTheAccountDownButTheOwnerSignsInOnceTheDelayHasPassed(Kind kind) {
        Transactions tx = fresh(kind);
        String password = ownPassword(tx, "chen.jing");
        AuthenticationService auth = auth(tx);

        for (int i = 0; i < 5; i++) {
            assertInstanceOf(SignInResult.Rejected.class, auth.signIn("chen.jing", "wrong".toCharArray(), "203.0.113.9"));
        }
        assertInstanceOf(SignInResult.Throttled.class, auth.signIn("chen.jing", password.toCharArray(), "198.51.100.7"),
                "the account waits, from any address, even with the right password");
        assertInstanceOf(SignInResult.Throttled.class, auth.signIn("CHEN.JING", "wrong".toCharArray(), "203.0.113.9"));
        SignInResult.Throttled t = (SignInResult.Throttled) auth.signIn("chen.jing", "wrong".toCharArray(), "203.0.113.9");
        assertEquals(clock.instant().plusSeconds(15), t.until());

        AuthenticationService otherNode = auth(tx);
        assertInstanceOf(SignInResult.Throttled.class, otherNode.signIn("chen.jing", password.toCharArray(), "198.51.100.7"),
                "the count lives in the database: another node sees it");

        clock.advance(Duration.ofSeconds(15));
        assertInstanceOf(SignInResult.Success.class, auth.signIn("chen.jing", password.toCharArray(), "198.51.100.7"),
                "once the delay has passed the owner signs in: nobody is locked out");
        assertInstanceOf(SignInResult.Rejected.class, auth.signIn("chen.jing", "wrong".toCharArray(), "203.0.113.9"),
                "the owner's success cleared the account's count");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void delaysGrowWithFurtherFailuresUpToTheCap(Kind kind) {
        Transactions tx = fresh(kind);
        String password = ownPassword(tx, "he.ping");
        AuthenticationService auth = auth(tx);
        Duration lastWait = Duration.ZERO;
        for (int i = 0; i < 12; i++) {
            assertInstanceOf(SignInResult.Rejected.class, auth.signIn("he.ping", "wrong".toCharArray(), "203.0.113." + i));
            Instant next = tx.read(em -> em.find(LoginThrottleEntry.class, "user:he.ping")).getNextAttemptAt();
            Duration wait = Duration.between(clock.instant(), next);
            assertTrue(wait.compareTo(lastWait) >= 0 && wait.compareTo(ThrottleRule.ACCOUNT.maxDelay()) <= 0, wait.toString());
            lastWait = wait;
            clock.advance(wait);
        }
        assertEquals(ThrottleRule.ACCOUNT.maxDelay(), lastWait, "capped: never a lock for good");
        assertInstanceOf(SignInResult.Success.class, auth.signIn("he.ping", password.toCharArray(), "198.51.100.7"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void oneAddressTryingManyAccountsIsSlowedDownOtherAddressesAreNot(Kind kind) {
        Transactions tx = fresh(kind);
        String password = ownPassword(tx, "zhou.li");
        AuthenticationService auth = auth(tx);

        for (int i = 0; i < ThrottleRule.ADDRESS.freeFailures(); i++) {
            assertInstanceOf(SignInResult.Rejected.class, auth.signIn("name" + i, "123456".toCharArray(), "203.0.113.9"));
        }
        assertInstanceOf(SignInResult.Throttled.class, auth.signIn("zhou.li", password.toCharArray(), "203.0.113.9"),
                "the spraying address waits, whatever account it names");
        assertInstanceOf(SignInResult.Success.class, auth.signIn("zhou.li", password.toCharArray(), "198.51.100.7"),
                "another address is not affected");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rowsOfOldFailuresArePurged(Kind kind) {
        Transactions tx = fresh(kind);
        AuthenticationService auth = auth(tx);
        auth.signIn("ghost", "x".toCharArray(), "203.0.113.9");
        assertNotNull(tx.read(em -> em.find(LoginThrottleEntry.class, "user:ghost")));
        clock.advance(Duration.ofDays(2));
        auth.signIn("other", "x".toCharArray(), "198.51.100.7");
        assertNull(tx.read(em -> em.find(LoginThrottleEntry.class, "user:ghost")));
        assertNotNull(tx.read(em -> em.find(LoginThrottleEntry.class, "user:other")));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownUserAndWrongPasswordGiveTheSameAnswer(Kind kind) {
        Transactions tx = fresh(kind);
        TemporaryCredential issued = users(tx, clock).create(form("zhou.li", "E4001", "周丽", "zhou@example.com", null));
        AuthenticationService auth = auth(tx);

        assertEquals(auth.signIn("nobody", "x".toCharArray(), "10.0.0.1"), auth.signIn("zhou.li", "x".toCharArray(), "10.0.0.1"));
        SignInResult ok = auth.signIn("zhou.li", issued.password().toCharArray(), "10.0.0.1");
        assertInstanceOf(SignInResult.Success.class, ok);
        assertTrue(((SignInResult.Success) ok).mustChangePassword());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theFirstAdministratorIsCreatedOnlyOnce(Kind kind) {
        Transactions tx = fresh(kind);
        FirstRunSetup setup = new FirstRunSetup(tx, hasher, Clock.systemUTC());
        assertFalse(setup.isSetUp());
        setup.createFirstAdmin(form("boss", "A1", "Boss", "boss@example.com", null), "admin-password-1");
        assertTrue(setup.isSetUp());

        FirstRunSetup otherNode = new FirstRunSetup(tx, hasher, Clock.systemUTC());
        assertThrows(UserInputException.class,
                () -> otherNode.createFirstAdmin(form("boss2", "A2", "Boss 2", "b2@example.com", null), "admin-password-2"));
        long users = tx.read(em -> em.createQuery("select count(u) from User u", Long.class).getSingleResult());
        assertEquals(1L, users);
    }

    /** A user who has replaced the temporary password with their own; returns that password. */
    private String ownPassword(Transactions tx, String username) {
        TemporaryCredential issued = users(tx, clock).create(form(username, "E-" + username, username, username + "@example.com", null));
        new UserService(tx, hasher, clock, TestUsers.signedIn(issued.userId(), username, Role.TRAINEE), new TemporaryPasswords(Duration.ofDays(7)))
                .changeOwnPassword(issued.password(), "tea-and-river-stones");
        return "tea-and-river-stones";
    }

    private UserService users(Transactions tx, Clock c) {
        return new UserService(tx, hasher, c, TestUsers.admin(), new TemporaryPasswords(Duration.ofDays(7)));
    }

    private AuthenticationService auth(Transactions tx) {
        return new AuthenticationService(tx, hasher, clock, new HashBudget(clock, 1_000, 1_000, 1_000, 1_000));
    }

    static UserForm form(String username, String number, String name, String email, Long dept) {
        UserForm f = new UserForm();
        f.setUsername(username);
        f.setEmployeeNumber(number);
        f.setDisplayName(name);
        f.setEmail(email);
        f.setDepartmentId(dept);
        return f;
    }
}
