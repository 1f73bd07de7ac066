package com.servicecraft.lti;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.QuizDriver;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.servicecraft.lti.TestLtiPlatform.aLearner;
import static com.servicecraft.lti.TestLtiPlatform.anInstructor;
import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People come from their LMS (the test platform on localhost, the application on 127.0.0.1: another
 * site): a learner launched in a new window, an instructor inside the LMS's iframe, and a refused launch.
 */
class LaunchFromTheLmsIT {
    static TestServer server;
    static TestLtiPlatform platform;
    /**
     * The application as the LMS links it: on localhost, another site than the platform on 127.0.0.1,
     * so the frame is a third-party one. Browsers keep a Secure cookie over plain http from localhost only.
     */
    static final java.util.function.Function<TestServer, String> TOOL = s -> s.baseUrl().replace("127.0.0.1", "localhost");

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true"));
        platform = new TestLtiPlatform(Clock.systemUTC(), "127.0.0.1").tool(TOOL.apply(server));
        try (Connection c = server.database()) {
            platform.registerIn(c, true);
        }
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static WebDriverWait waitUpTo(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(30));
    }

    @Test
    void aLearnerLaunchedInANewWindowLandsOnTheLinkedModuleInChineseSignedIn() {
        try (Browser b = new Browser(server, "en")) {
            WebDriver d = b.driver();
            d.get(platform.startUrl(aLearner("it-learner-window").target("module:m2-service-marketing").locale("zh-CN")));
            waitUpTo(d).until(ExpectedConditions.urlContains("/learn/course.xhtml"));
            b.waitForPage();
            assertTrue(d.getCurrentUrl().startsWith(TOOL.apply(server) + "/learn/course.xhtml#module-m2-service-marketing"), d.getCurrentUrl());
            assertEquals("zh-CN", d.findElement(By.tagName("html")).getAttribute("lang"), "the platform's locale, not the browser's");
            assertFalse(d.findElements(By.id("navForm")).isEmpty(), "signed in: the navigation is there");
            assertTrue(d.findElement(By.id("module-m2-service-marketing")).isDisplayed());
        }
    }

    @Test
    void aLearnerTakesTheLinkedModuleQuizAndTheLmsGradebookReceivesTheScoreOnce() {
        try (Browser b = new Browser(server, "en")) {
            WebDriver d = b.driver();
            d.get(platform.startUrl(aLearner("it-learner-quiz").resourceLink("it-quiz-link").target("quiz:m1-etiquette").locale("en")));
            waitUpTo(d).until(ExpectedConditions.urlContains("/learn/quiz.xhtml"));
            b.waitForPage();
            b.click("startForm:start");
            b.waitForPath("/learn/attempt.xhtml");
            QuizDriver quiz = new QuizDriver(b);
            quiz.answerAll();
            quiz.submit();
        }
        // The outbox job runs every few seconds on the server; the row is marked sent after the platform's answer.
        new org.openqa.selenium.support.ui.FluentWait<>(server).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500))
                .until(s -> sentScores("it-learner-quiz") == 1);
        java.util.List<TestLtiPlatform.ReceivedScore> got = platform.receivedScores().stream()
                .filter(r -> "it-learner-quiz".equals(r.score().get("userId"))).toList();
        assertEquals(1, got.size(), "once");
        assertEquals("FullyGraded", got.get(0).score().get("gradingProgress"));
        assertEquals("Completed", got.get(0).score().get("activityProgress"));
        assertTrue(got.get(0).scoresUrl().startsWith("/ags/course-101/lineitems/it-quiz-link/lineitem/scores?"), got.get(0).scoresUrl());

        try (Browser admin = new Browser(server, "en")) {
            signInAs(admin, "admin");
            admin.submit("langForm:toEn");
            admin.open("/admin/lti.xhtml");
            String outbox = admin.text("[id='scoresForm:scores']");
            assertTrue(outbox.contains("it-learner-quiz") && outbox.contains("Sent") && outbox.contains("FullyGraded"),
                    "administrators see the score sent: " + outbox);
        }
    }

    @Test
    void anInstructorRefreshesTheGroupsMembersFromTheLms() {
        platform.roster("it-roster", java.util.List.of(TestLtiPlatform.Member.learner("it-r1", "Zhao Lei"),
                TestLtiPlatform.Member.learner("it-r2", "Sun Li"), TestLtiPlatform.Member.learner("it-r3", "Zhou Min")));
        try (Browser b = new Browser(server, "en")) {
            WebDriver d = b.driver();
            d.get(platform.startUrl(anInstructor("it-roster-teacher").context("it-roster", "LMS roster course").locale("en")));
            waitUpTo(d).until(ExpectedConditions.urlContains("/learn/course.xhtml"));
            b.waitForPage();
            d.get(TOOL.apply(server) + "/lti/courses.xhtml");
            b.waitForPage();
            assertTrue(b.text("[id='coursesForm:courses']").contains("LMS roster course"), b.pageText());
            b.click("coursesForm:courses:0:refresh");
            waitUpTo(d).until(x -> b.pageText().contains("3 added"));
            assertTrue(b.text("[id='coursesForm:courses']").contains("3"), "three members now");
        }
    }

    private static long sentScores(String subject) {
        try (Connection c = server.database();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM lti_score_outbox WHERE subject = ? AND state = 'SENT'")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInstructorLaunchedInsideTheLmsFrameLandsAsTrainerAndOwnsTheContextsGroup() throws Exception {
        try (Browser b = new Browser(server, "zh-CN")) {
            WebDriver d = b.driver();
            d.get(platform.coursePageUrl(anInstructor("it-teacher-frame").context("it-course-7", "LMS course 7").locale("en")
                    .target("lesson:m1-l01")));
            waitUpTo(d).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("tool"));
            try {
                waitUpTo(d).until(ExpectedConditions.presenceOfElementLocated(By.id("navForm")));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("inside the frame: " + b.script("return location.href") + "\n" + b.pageText() + "\n"
                        + ((org.openqa.selenium.chrome.ChromeDriver) d).executeCdpCommand("Network.getAllCookies", Map.of()), e);
            }
            b.waitForPage();
            assertEquals("en", d.findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(((String) b.script("return location.href")).startsWith(TOOL.apply(server) + "/learn/lesson.xhtml?id=m1-l01"),
                    "the tool's page inside the frame: " + b.script("return location.href"));

            // The first postback inside the frame keeps the session and the view (no "page expired").
            d.findElement(By.id("langForm:toZh")).click();
            waitUpTo(d).until(x -> "zh-CN".equals(x.findElement(By.tagName("html")).getAttribute("lang")));
            assertFalse(((String) b.script("return location.href")).contains("/error/"), "no error page");
            assertFalse(d.findElements(By.id("navForm")).isEmpty(), "still signed in");
            d.switchTo().defaultContent();
        }
        try (Connection c = server.database();
             PreparedStatement ps = c.prepareStatement("SELECT r.role, g.name FROM lti_user_link l JOIN user_role r ON r.user_id = l.user_id"
                     + " JOIN lti_context x ON x.context_id = 'it-course-7' JOIN training_group g ON g.id = x.group_id AND g.owner_id = l.user_id"
                     + " WHERE l.subject = 'it-teacher-frame'")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the instructor owns the context's group");
                assertEquals("TRAINER", rs.getString(1));
                assertEquals("LMS course 7", rs.getString(2));
                assertFalse(rs.next(), "one role, one group");
            }
        }
    }

    @Test
    void anInstructorPlacesAModuleQuizInTheLmsByDeepLinking() {
        try (Browser b = new Browser(server, "en")) {
            WebDriver d = b.driver();
            d.get(platform.startUrl(anInstructor("it-teacher-dl").deepLinking().locale("en")));
            waitUpTo(d).until(ExpectedConditions.urlContains("/lti/deep-link.xhtml"));
            b.waitForPage();
            b.type("pickForm:query", "Service marketing");
            waitUpTo(d).until(x -> x.findElements(By.cssSelector("[id='pickForm:items_data'] tr")).size() < 6);
            int row = -1;
            var rows = d.findElements(By.cssSelector("[id='pickForm:items_data'] tr"));
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).getText().contains("Module quiz")) {
                    row = i;
                }
            }
            assertTrue(row >= 0, "the module quiz is found: " + d.findElement(By.id("pickForm:items")).getText());
            d.findElement(By.id("pickForm:items:" + row + ":choose")).click();
            waitUpTo(d).until(ExpectedConditions.presenceOfElementLocated(By.id("received")));
            assertEquals("quiz:m2-service-marketing", d.findElement(By.id("received")).getText());
        }
        Map<String, Object> item = platform.receivedContentItems().get(0);
        assertEquals("ltiResourceLink", item.get("type"));
        assertEquals(TOOL.apply(server) + "/lti/launch", item.get("url"));
        assertTrue(item.get("lineItem") instanceof Map, "a graded item comes with its line item");
    }

    /**
     * A browser that blocks even partitioned cookies in frames gets the "open in a new window" page;
     * there the launch's ticket signs the person in once. Plain HTTP: what the browser would do.
     */
    @Test
    void withoutACookieInTheFrameTheNewWindowSignsInOnceWithTheLaunchTicket() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String url = platform.startUrl(aLearner("it-no-cookies").target("posttest"));
        for (int i = 0; i < 2; i++) {
            url = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .headers().firstValue("Location").orElseThrow();
        }
        String form = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("action=\"([^\"]+)\".*name=\"id_token\" value=\"([^\"]+)\".*name=\"state\" value=\"([^\"]+)\"")
                .matcher(form);
        assertTrue(m.find(), form);
        HttpResponse<String> launched = http.send(HttpRequest.newBuilder(URI.create(m.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id_token=" + m.group(2) + "&state=" + m.group(3))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, launched.statusCode());
        assertTrue(launched.headers().firstValue("Set-Cookie").orElseThrow().endsWith("; Secure; SameSite=None; Partitioned"),
                launched.headers().map().toString());
        String landing = TOOL.apply(server) + launched.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> noCookie = http.send(HttpRequest.newBuilder(URI.create(landing)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, noCookie.statusCode());
        assertTrue(noCookie.body().contains("id=\"ltiFallback\"") && noCookie.body().contains("target=\"_blank\""), noCookie.body());
        assertTrue(noCookie.headers().firstValue("Content-Security-Policy").orElseThrow().endsWith("frame-ancestors " + platform.issuer()),
                "only the launching platform may frame it");

        String window = landing.replace("/lti/landing?", "/lti/landing?window=1&");
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(window)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, opened.statusCode());
        assertEquals("/learn/quiz.xhtml?postTest=true", opened.headers().firstValue("Location").orElseThrow());
        assertTrue(opened.headers().firstValue("Set-Cookie").orElseThrow().startsWith("SC_SESSION="), "signed in, first-party");

        assertEquals(403, http.send(HttpRequest.newBuilder(URI.create(window)).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "the ticket works once");
    }

    @Test
    void aRefusedLaunchShowsItsReasonInBothLanguagesWithAReference() {
        try (Browser b = new Browser(server, "en")) {
            WebDriver d = b.driver();
            d.get(platform.startUrl(aLearner("it-expired").fault(TestLtiPlatform.Fault.EXPIRED)));
            waitUpTo(d).until(ExpectedConditions.presenceOfElementLocated(By.id("ltiRefused")));
            assertEquals("expired", d.findElement(By.id("ltiRefused")).getAttribute("data-reason"));
            String text = d.findElement(By.tagName("body")).getText();
            assertTrue(text.contains("启动消息已过期"), text);
            assertTrue(text.contains("The launch message has expired"), text);
            assertTrue(d.findElement(By.id("correlationId")).getText().matches("[0-9a-f]{12}"));
            assertTrue(server.output().contains("refused [" + d.findElement(By.id("correlationId")).getText() + "]"),
                    "the log names the same reference");
        }
    }
}
