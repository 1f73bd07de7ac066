package com.servicecraft.identity;

import com.servicecraft.shared.Language;
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

/** Deleting a user pseudonymizes the person and keeps the row (and so every record) for audits. */
class UserDeletionTest {
    @ParameterizedTest
    @EnumSource(Kind.class)
    void deletionReplacesPersonalFieldsAndClosesTheAccountForGood(Kind kind) throws Exception {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("app_user", "user_role", "department", "hr_scope"));
        Transactions tx = new Transactions(db.entityManagerFactory());
        PasswordHasher hasher = new PasswordHasher(1_000);
        UserService users = new UserService(tx, hasher, Clock.systemUTC(), TestUsers.admin(), new TemporaryPasswords());
        long dept = new DepartmentService(tx, Clock.systemUTC(), TestUsers.admin()).create("销售部");
        UserForm f = new UserForm();
        f.setUsername("wang.fang");
        f.setEmployeeNumber("E7001");
        f.setDisplayName("王芳");
        f.setEmail("wang.fang@example.com");
        f.setDepartmentId(dept);
        f.setLanguage(Language.ZH_CN);
        f.setRoles(EnumSet.of(Role.TRAINEE, Role.HR));
        TemporaryCredential issued = users.create(f);
        long id = issued.userId();
        new HrScopeService(db, TestUsers.admin()).setScope(id, List.of(dept));

        // The administrator who deletes is somebody else than the person: on a fresh database the person may get id 1,
        // the id TestUsers.admin() stands for.
        long adminId = id + 1;
        UserService byAdmin = new UserService(tx, hasher, Clock.systemUTC(), TestUsers.signedIn(adminId, "admin", Role.ADMIN),
                new TemporaryPasswords());
        byAdmin.deletePseudonymizing(id);
        byAdmin.deletePseudonymizing(id);

        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select username, employee_number, display_name, email, active, deleted_at, department_id,"
                     + " job_title from app_user where id = " + id)) {
            assertTrue(rs.next(), "the row stays");
            assertEquals("deleted-" + id, rs.getString(1));
            assertEquals("DEL-" + id, rs.getString(2));
            assertEquals("#" + id, rs.getString(3));
            assertEquals("deleted-" + id + "@invalid.invalid", rs.getString(4));
            assertFalse(rs.getBoolean(5));
            assertNotNull(rs.getTimestamp(6));
            assertEquals(dept, rs.getLong(7), "the department stays for statistics");
        }
        assertTrue(new HrScopeService(db, TestUsers.admin()).departmentsOf(id).isEmpty());
        assertInstanceOf(SignInResult.Rejected.class, new AuthenticationService(tx, hasher, Clock.systemUTC(), new HashBudget(Clock.systemUTC()))
                .signIn("wang.fang", issued.password().toCharArray(), "10.0.0.1"));
        assertEquals("user.cannotDeleteSelf", assertThrows(UserInputException.class, () -> byAdmin.deletePseudonymizing(adminId)).getMessage());
    }
}
