package com.servicecraft.actionplan;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static com.servicecraft.testing.BrowserTest.signOut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trainee drafts an action plan and submits it; their trainer returns it with a comment; the
 * trainee revises and resubmits; the trainer approves; the first follow-up falls due (the server
 * runs with SERVICECRAFT_FOLLOWUP_DAYS=0,30) and the trainee records progress, which the trainer
 * then sees. Another trainer cannot open the plan by its id.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class TraineeActionPlanIsReviewedIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_FOLLOWUP_DAYS", "0,30",
                "SERVICECRAFT_FOLLOWUP_CHECK_SECONDS", "1")).start();
        // trainer1 owns a group with t005.
        server.group("前台一组", "trainer1", "t005");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static Connection database() throws SQLException {
        return server.database();
    }

    static long id(Connection c, String username) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select id from app_user where username = ?")) {
            st.setString(1, username);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static final List<String> FIELDS = List.of("what", "why", "when", "how", "who", "howMuch", "where", "measure");

    static WebElement field(Browser b, int goal, String field) {
        return b.find("textarea[data-goal='" + goal + "'][data-field='" + field + "']");
    }

    static void submitPlan(Browser b) {
        b.click("planForm:submit");
        b.click("planForm:confirmYes");
    }

    static HttpResponse<byte[]> get(Browser b, String path) throws Exception {
        String cookie = b.driver().manage().getCookieNamed("SC_SESSION").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Cookie", "SC_SESSION=" + cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static void assertRefusedOnceAtTheField(Browser b, String refusal) {
        WebElement measure = field(b, 0, "measure");
        assertTrue(measure.getAttribute("class").contains("ui-state-error"), "the empty field is marked: " + measure.getAttribute("class"));
        WebElement next = measure.findElement(By.xpath("following-sibling::*[contains(@class,'ui-message')][1]"));
        assertEquals(refusal, next.getText().strip(), "the message stands next to the field");
        assertEquals(1, b.pageText().split(java.util.regex.Pattern.quote(refusal), -1).length - 1, "shown once: " + b.pageText());
        assertTrue(field(b, 0, "what").getAttribute("class").contains("ui-state-error") == false, "a filled field is not marked");
    }

    @Test
    void aTraineesActionPlanIsReturnedRevisedApprovedAndFollowedUp() throws Exception {
        String planLink;
        try (Browser trainee = new Browser(server, "zh-CN")) {
            signInAs(trainee, "t005");
            trainee.find("[id='navForm:menuLearning']");
            trainee.open("/learn/action-plan.xhtml");
            assertTrue(trainee.pageText().contains("做什么"), "the 5W2H prompts come from the course");
            for (String f : FIELDS) {
                if (!f.equals("measure")) {
                    field(trainee, 0, f).sendKeys("接车时说明下一步 " + f);
                }
            }
            // The refusal names the goal and the field, next to the field, which is marked; once, also when repeated.
            String refusal = "目标 1：“成功标准”还没有填写，提交前请填好。";
            submitPlan(trainee);
            trainee.waitForText(refusal);
            assertRefusedOnceAtTheField(trainee, refusal);
            submitPlan(trainee);
            trainee.waitForText(refusal);
            assertRefusedOnceAtTheField(trainee, refusal);
            assertTrue(trainee.pageText().contains("一份计划包含一到 " + ActionPlan.MAX_GOALS + " 个目标"), "the page states the rule's limit");
            field(trainee, 0, "measure").sendKeys("“不知道进度”类抱怨每周少于一次");
            submitPlan(trainee);
            trainee.waitForText("计划已提交");
            assertTrue(trainee.text("#planStatus").contains("已提交"));
            assertTrue(!trainee.pageText().contains(refusal), "an old refusal does not come back:\n" + trainee.pageText());
            signOut(trainee);
        }

        try (Browser trainer = new Browser(server, "en")) {
            signInAs(trainer, "trainer1");
            trainer.submit("langForm:toEn");
            trainer.open("/trainer/action-plans.xhtml");
            planLink = trainer.find("a.sc-open-plan").getAttribute("href");
            trainer.find("a.sc-open-plan").click();
            trainer.waitForPage();
            assertTrue(trainer.text("#selectedPlan").contains("接车时说明下一步 what"));
            trainer.click("reviewForm:return");
            trainer.waitForText("a comment is required");
            trainer.type("reviewForm:comment", "成功标准请写出现在的起点。");
            trainer.click("reviewForm:return");
            trainer.waitForText("The plan is returned");
        }
        String planPath = planLink.substring(planLink.indexOf("/trainer/"));
        String planId = planPath.replaceAll(".*plan=(\\d+).*", "$1");

        try (Browser other = new Browser(server, "en")) {
            signInAs(other, "trainer2");
            other.open(planPath);
            assertTrue(other.pageText().contains("403") || other.source().contains("sc-error"), "trainer2 is refused: " + other.pageText());
            assertTrue(other.driver().findElements(By.id("selectedPlan")).isEmpty());
            assertEquals(403, get(other, "/learn/action-plan.pdf?plan=" + planId).statusCode());
        }

        try (Browser trainee = new Browser(server, "zh-CN")) {
            signInAs(trainee, "t005");
            trainee.open("/learn/action-plan.xhtml");
            assertEquals("成功标准请写出现在的起点。", trainee.text("#returnCommentText"));
            WebElement measure = field(trainee, 0, "measure");
            measure.clear();
            measure.sendKeys("“不知道进度”类抱怨从每周四次降到每周少于一次");
            submitPlan(trainee);
            trainee.waitForText("计划已提交");
        }

        try (Browser trainer = new Browser(server, "en")) {
            signInAs(trainer, "trainer1");
            trainer.submit("langForm:toEn");
            trainer.open(planPath);
            assertTrue(trainer.text("#selectedPlan").contains("从每周四次降到每周少于一次"), "the revised text");
            trainer.type("reviewForm:comment", "Good plan.");
            trainer.click("reviewForm:approve");
            trainer.waitForText("The plan is approved");
            assertTrue(trainer.text("#selectedStatus").contains("Approved"));
        }

        // The reminder job notices the day-0 follow-up (once) within a second or two.
        waitForNotification("followup:" + planId + ":0");

        try (Browser trainee = new Browser(server, "zh-CN")) {
            signInAs(trainee, "t005");
            trainee.open("/learn/action-plan.xhtml");
            assertTrue(trainee.text("#planStatus").contains("已批准"));
            trainee.find("[data-progress-status='0'] .ui-radiobutton-box").click();
            trainee.find("textarea[data-progress-text='0']").sendKeys("这个月“不知道进度”的抱怨只有两次。");
            trainee.click("planForm:recordProgress");
            trainee.waitForText("您的进展已记录");
            assertTrue(trainee.text("[id='planForm:followUpTable']").contains("已记录"));

            HttpResponse<byte[]> pdf = get(trainee, "/learn/action-plan.pdf");
            assertEquals(200, pdf.statusCode());
            try (var doc = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s*\\R\\s*", "");
                assertTrue(text.contains("从每周四次降到每周少于一次"), text);
                assertTrue(text.contains("成功标准请写出现在的起点。"), text);
                assertTrue(text.contains("这个月“不知道进度”的抱怨只有两次。"), text);
            }
        }

        try (Browser trainer = new Browser(server, "en")) {
            signInAs(trainer, "trainer1");
            trainer.submit("langForm:toEn");
            trainer.open("/trainer/action-plans.xhtml");
            assertTrue(trainer.text("[id='plans']").contains("Recorded: 1"), trainer.text("[id='plans']"));
            trainer.open(planPath);
            String followUps = trainer.text("[id='reviewForm:followUpTable']");
            assertTrue(followUps.contains("Recorded") && followUps.contains("这个月“不知道进度”的抱怨只有两次。"), followUps);
            assertTrue(followUps.contains("Upcoming"), "day 30 is still to come: " + followUps);
        }
    }

    static void waitForNotification(String dedupKey) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            try (Connection c = database(); PreparedStatement st = c.prepareStatement(
                    "select count(*) from notification where kind = 'FOLLOW_UP_DUE' and dedup_key = ?")) {
                st.setString(1, dedupKey);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new AssertionError("no FOLLOW_UP_DUE notification " + dedupKey);
    }
}
