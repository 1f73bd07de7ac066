package com.servicecraft.identity;

import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users, sign-in and throttling against a real database: H2 and MariaDB. */
class IdentityPersistenceTest {
    static final List<String> TABLES = List.of("login_throttle", "user_role", "app_user", "department", "setup_marker");
    private final PasswordHasher hasher = new PasswordHasher(1_000);

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
    void anAdministratorCreatesAUserWhoseHashIsStoredNotThePassword(Kind kind) throws Exception {
        Transactions tx = fresh(kind);
        UserService users = new UserService(tx, hasher, Clock.systemUTC(), TestUsers.admin());
        long dept = new DepartmentService(tx, Clock.systemUTC(), TestUsers.admin()).create("售后服务部");

        long id = users.create(form("liu.yang", "E2001", "刘洋", "liu.yang@example.com", dept, "first-password-1"));

        try (Connection c = TestDatabases.get(kind).dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select password_hash, password_must_change, display_name from app_user where id = " + id)) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("pbkdf2-sha256$1000$"));
            assertFalse(rs.getString(1).contains("first-password-1"));
            assertTrue(rs.getBoolean(2), "a password set by an admin must be changed");
            assertEquals("刘洋", rs.getString(3), "Chinese survives the round trip");
        }
        UserForm loaded = users.load(id);
        assertEquals(EnumSet.of(Role.TRAINEE), loaded.getRoles());
        assertEquals(dept, loaded.getDepartmentId());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void duplicateEmployeeNumbersAndNonAdminsAreRefused(Kind kind) {
        Transactions tx = fresh(kind);
        UserService users = new UserService(tx, hasher, Clock.systemUTC(), TestUsers.admin());
        users.create(form("a.one", "E1", "A One", "a@example.com", null, "first-password-1"));

        UserInputException dup = assertThrows(UserInputException.class,
                () -> users.create(form("a.two", "E1", "A Two", "a2@example.com", null, "first-password-1")));
        assertEquals("user.employeeNumberTaken", dup.messageKey());

        UserService asTrainee = new UserService(tx, hasher, Clock.systemUTC(), TestUsers.signedIn(9, "t", Role.TRAINEE));
        assertThrows(AccessDeniedException.class,
                () -> asTrainee.create(form("b.one", "E9", "B", "b@example.com", null, "first-password-1")));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSixthRapidFailureIsThrottledEvenWithTheRightPassword(Kind kind) {
        Transactions tx = fresh(kind);
        new UserService(tx, hasher, Clock.systemUTC(), TestUsers.admin())
                .create(form("chen.jing", "E3001", "陈静", "chen@example.com", null, "first-password-1"));
        AuthenticationService auth = new AuthenticationService(tx, hasher, Clock.systemUTC());

        for (int i = 0; i < 5; i++) {
            assertInstanceOf(SignInResult.Rejected.class, auth.signIn("chen.jing", "wrong".toCharArray()));
        }
        assertInstanceOf(SignInResult.Throttled.class, auth.signIn("chen.jing", "first-password-1".toCharArray()));
        assertInstanceOf(SignInResult.Throttled.class, auth.signIn("CHEN.JING", "wrong".toCharArray()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownUserAndWrongPasswordGiveTheSameAnswer(Kind kind) {
        Transactions tx = fresh(kind);
        new UserService(tx, hasher, Clock.systemUTC(), TestUsers.admin())
                .create(form("zhou.li", "E4001", "周丽", "zhou@example.com", null, "first-password-1"));
        AuthenticationService auth = new AuthenticationService(tx, hasher, Clock.systemUTC());

        assertEquals(auth.signIn("nobody", "x".toCharArray()), auth.signIn("zhou.li", "x".toCharArray()));
        SignInResult ok = auth.signIn("zhou.li", "first-password-1".toCharArray());
        assertInstanceOf(SignInResult.Success.class, ok);
        assertTrue(((SignInResult.Success) ok).mustChangePassword());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theFirstAdministratorIsCreatedOnlyOnce(Kind kind) {
        Transactions tx = fresh(kind);
        FirstRunSetup setup = new FirstRunSetup(tx, hasher, Clock.systemUTC());
        assertFalse(setup.isSetUp());
        setup.createFirstAdmin(form("boss", "A1", "Boss", "boss@example.com", null, null), "admin-password-1");
        assertTrue(setup.isSetUp());

        FirstRunSetup otherNode = new FirstRunSetup(tx, hasher, Clock.systemUTC());
        assertThrows(UserInputException.class,
                () -> otherNode.createFirstAdmin(form("boss2", "A2", "Boss 2", "b2@example.com", null, null), "admin-password-2"));
        long users = tx.read(em -> em.createQuery("select count(u) from User u", Long.class).getSingleResult());
        assertEquals(1L, users);
    }

    static UserForm form(String username, String number, String name, String email, Long dept, String password) {
        UserForm f = new UserForm();
        f.setUsername(username);
        f.setEmployeeNumber(number);
        f.setDisplayName(name);
        f.setEmail(email);
        f.setDepartmentId(dept);
        f.setInitialPassword(password);
        return f;
    }
}
