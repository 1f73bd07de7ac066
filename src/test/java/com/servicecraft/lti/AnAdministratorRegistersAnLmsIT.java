package com.servicecraft.lti;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static com.servicecraft.lti.TestLtiPlatform.aLearner;
import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator registers an LMS on Administration → LTI platforms, copies the tool's values,
 * a launch from it works; disabled, its launches are refused with a clear page; the signing key
 * is rotated, and no private key shows anywhere.
 */
class AnAdministratorRegistersAnLmsIT {
    static TestServer server;
    static TestLtiPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true"));
        platform = new TestLtiPlatform(Clock.systemUTC(), "127.0.0.1").tool(LaunchFromTheLmsIT.TOOL.apply(server));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anAdministratorRegistersDisablesAndRotates() throws Exception {
        String name = "Moodle " + platform.issuer().hashCode();
        try (Browser admin = new Browser(server, "en")) {
            signInAs(admin, "admin");
            admin.submit("langForm:toEn");
            admin.open("/admin/lti.xhtml");
            assertEquals(server.baseUrl() + "/lti/login", admin.text("#loginUrl"));
            assertEquals(server.baseUrl() + "/lti/launch", admin.text("#launchUrl"));
            assertEquals(server.baseUrl() + "/lti/jwks", admin.text("#jwksUrl"));

            admin.type("platformForm:name", name).type("platformForm:issuer", platform.issuer())
                    .type("platformForm:clientId", TestLtiPlatform.CLIENT_ID).type("platformForm:deployments", TestLtiPlatform.DEPLOYMENT_ID)
                    .type("platformForm:authUrl", "not a url").type("platformForm:jwksUrl", platform.jwksUrl());
            admin.click("platformForm:save");
            admin.waitForText("An http or https address is needed.");
            admin.type("platformForm:authUrl", platform.authUrl());
            admin.click("platformForm:save");
            admin.waitForText("Platform " + name + " saved.");
            assertTrue(admin.text("[id='platformsForm:platforms']").contains(platform.issuer()));

            try (Browser learner = new Browser(server, "en")) {
                launch(learner, aLearner("admin-it-learner").locale("en"));
                new WebDriverWait(learner.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/learn/course.xhtml"));
            }

            int row = rowOf(admin, name);
            admin.click("platformsForm:platforms:" + row + ":toggle");
            admin.waitForText("Launches from " + name + " are now refused.");
            try (Browser learner = new Browser(server, "en")) {
                launch(learner, aLearner("admin-it-learner"));
                WebDriver d = learner.driver();
                new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("ltiRefused")));
                assertEquals("platformDisabled", d.findElement(By.id("ltiRefused")).getAttribute("data-reason"));
                assertTrue(d.findElement(By.tagName("body")).getText().contains("Launches from this learning platform are switched off"));
            }

            int keysBefore = admin.driver().findElements(By.cssSelector("[id='keysForm:keys_data'] tr")).size();
            admin.click("keysForm:rotate");
            new WebDriverWait(admin.driver(), Duration.ofSeconds(10)).until(d -> admin.byId("keysForm:confirmYes").isDisplayed());
            admin.click("keysForm:confirmYes");
            admin.waitForText("New signing key");
            assertEquals(keysBefore + 1, admin.driver().findElements(By.cssSelector("[id='keysForm:keys_data'] tr")).size(),
                    "the old key is still listed (and published) beside the new one");
            assertFalse(admin.source().contains("\"d\"") || admin.source().contains("PRIVATE"), "no key material in the page");
        }
        java.net.http.HttpResponse<String> jwks = server.get("/lti/jwks");
        assertEquals(200, jwks.statusCode());
        assertTrue(jwks.body().contains("\"kid\"") && !jwks.body().contains("\"d\"") && !jwks.body().contains("\"p\""), jwks.body());
    }

    private static void launch(Browser b, TestLtiPlatform.Scenario s) {
        b.driver().get(platform.startUrl(s));
    }

    private static int rowOf(Browser b, String name) {
        var rows = b.driver().findElements(By.cssSelector("[id='platformsForm:platforms_data'] tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not listed");
    }
}
