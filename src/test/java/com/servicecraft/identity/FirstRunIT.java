package com.servicecraft.identity;

import com.servicecraft.shared.persistence.DatabaseSettings;
import com.servicecraft.testing.Browser;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signIn;
import static com.servicecraft.testing.BrowserTest.signOut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A company installs Servicecraft, sets up its administrator and its first people. */
class FirstRunIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.fresh().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void adminSetsUpCreatesATrainerAndATraineeWhoSignsInAndSwitchesToEnglish() throws Exception {
        try (Browser b = new Browser(server, "zh-CN")) {
            b.open("/");
            assertEquals("/setup.xhtml", b.path(), "an empty installation opens the setup page");
            // Two different passwords: the refusal stands once, next to the repeated password, which is marked.
            b.type("setupForm:username", "admin").type("setupForm:displayName", "系统管理员")
                    .type("setupForm:employeeNumber", "A0001").type("setupForm:email", "admin@example.com")
                    .type("setupForm:password", "tea-and-river-stones-1").type("setupForm:passwordAgain", "tea-and-river-stones-2")
                    .click("setupForm:create");
            b.waitForText("两次输入的密码不一致");
            assertEquals(1, b.pageText().split("两次输入的密码不一致", -1).length - 1, "the refusal is shown once: " + b.pageText());
            org.openqa.selenium.WebElement again = b.driver().findElement(org.openqa.selenium.By.id("setupForm:passwordAgain"));
            assertTrue(again.findElement(org.openqa.selenium.By.xpath("ancestor::div[contains(@class,'sc-field')]")).getText()
                    .contains("两次输入的密码不一致"), "the refusal stands at the repeated password");
            assertTrue(String.valueOf(again.getAttribute("class")).contains("ui-state-error")
                    || "true".equals(again.getAttribute("aria-invalid")), "the repeated password is marked invalid");
            b.type("setupForm:username", "admin").type("setupForm:displayName", "系统管理员")
                    .type("setupForm:employeeNumber", "A0001").type("setupForm:email", "admin@example.com")
                    .type("setupForm:password", "tea-and-river-stones-1").type("setupForm:passwordAgain", "tea-and-river-stones-1")
                    .click("setupForm:create");
            b.waitForPath("/login.xhtml");
            assertTrue(b.pageText().contains("管理员账号已创建"));

            signIn(b, "admin", "tea-and-river-stones-1");
            b.waitForPath("/index.xhtml");

            String wu = createUser(b, "trainer.wu", "T0001", "吴老师", "wu@example.com", "TRAINER");
            b.waitForText("用户 trainer.wu 已创建");
            String sun = createUser(b, "E1001", "E1001", "孙悦", "sun.yue@example.com", "TRAINEE");
            b.waitForText("用户 E1001 已创建");
            assertNotEquals(wu, sun, "everybody gets their own temporary password");
            b.open("/admin/users.xhtml");
            assertFalse(b.pageText().contains(sun), "the password is shown once, on the page that issued it");
            signOut(b);

            signIn(b, "trainer.wu", sun);
            assertTrue(b.pageText().contains("用户名或密码不正确"), "one person's temporary password does not open another account");
            signIn(b, "E1001", sun);
            b.waitForPath("/account/password.xhtml");
            b.open("/index.xhtml");
            assertTrue(b.path().startsWith("/account/password.xhtml"), "no other page before the password is changed");
            b.type("passwordForm:current", sun).type("passwordForm:newPassword", "my-own-password-1")
                    .type("passwordForm:again", "my-own-password-1").click("passwordForm:change");
            b.waitForPath("/index.xhtml");
            assertTrue(b.text("#greeting").startsWith("欢迎"), b.text("#greeting"));
            assertTrue(b.text("#greeting").contains("孙悦"));
            assertEquals("zh-CN", b.driver().findElement(By.tagName("html")).getAttribute("lang"));

            b.submit("langForm:toEn");
            b.waitForText("Welcome");
            assertTrue(b.text("#greeting").startsWith("Welcome"));
            assertEquals("en", b.driver().findElement(By.tagName("html")).getAttribute("lang"));

            b.open("/admin/users.xhtml");
            assertTrue(b.pageText().contains("Access denied"), "a trainee is refused the admin pages");
        }
        assertStoredHashIsSlowAndNotThePassword("E1001", "my-own-password-1");
    }

    /** Creates a user and returns the temporary password the page shows once. */
    private static String createUser(Browser b, String username, String number, String name, String email, String role) {
        b.open("/admin/user.xhtml");
        b.type("userForm:username", username).type("userForm:employeeNumber", number)
                .type("userForm:displayName", name).type("userForm:email", email);
        if (!role.equals("TRAINEE")) {
            b.find("label[for='userForm:roles:0']").click();
            b.find("label[for='userForm:roles:" + (role.equals("TRAINER") ? 1 : role.equals("HR") ? 2 : 3) + "']").click();
        }
        b.submit("userForm:save");
        return b.text("code.sc-temp-password");
    }

    private static void assertStoredHashIsSlowAndNotThePassword(String username, String password) throws Exception {
        String url = DatabaseSettings.h2FileUrl(server.dataDir().resolve("servicecraft"));
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement ps = c.prepareStatement("select password_hash from app_user where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String hash = rs.getString(1);
                assertTrue(hash.startsWith("pbkdf2-sha256$600000$"), hash);
                assertFalse(hash.contains(password));
            }
        }
    }
}
