package com.servicecraft.identity;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator opens the user editor for a new user and for an existing one. The test server
 * runs the Expression Language of {@code mvn jetty:run-war} (Jasper's), which refuses Java
 * keywords as property names, so a view that only a laxer EL accepts fails here as it does there.
 */
class AdministratorOpensTheUserEditorIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true"));
    }

    @Test
    void theEditorOpensForANewAndForAnExistingUser() throws Exception {
        try (Browser admin = new Browser(server, "en")) {
            signInAs(admin, "admin");
            admin.submit("langForm:toEn");

            admin.open("/admin/user.xhtml");
            assertEquals("New user", admin.text("h1"));
            assertTrue(admin.byId("userForm:username").isEnabled(), "a new user's name can be typed");
            assertTrue(admin.driver().findElements(org.openqa.selenium.By.id("deleteForm")).isEmpty(), "nothing to delete yet");

            admin.open("/admin/user.xhtml?id=" + idOf("t001"));
            assertEquals("Edit user", admin.text("h1"));
            assertEquals("t001", admin.byId("userForm:username").getAttribute("value"));
            assertFalse(admin.byId("userForm:username").isEnabled(), "a user name is never changed");
            assertTrue(admin.pageText().contains("Delete user"), admin.pageText());
        }
        assertFalse(server.output().contains("not a valid Java identifier"), "no EL error in the server log");
    }

    private static long idOf(String username) throws Exception {
        try (Connection c = server.database();
             PreparedStatement ps = c.prepareStatement("select id from app_user where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
