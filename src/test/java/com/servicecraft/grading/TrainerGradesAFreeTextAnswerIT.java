package com.servicecraft.grading;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.servicecraft.testing.Browser;
import com.servicecraft.testing.QuizDriver;
import com.servicecraft.testing.TestServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static com.servicecraft.testing.BrowserTest.signOut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trainee hands in the written assignment "design a service guarantee"; the trainer of the
 * trainee's group grades it against the rubric with a comment (another trainer cannot, not even
 * by typing the address); the trainee sees the grade, the comment and a notification, gets a
 * mail in Chinese from the server's mail job (GreenMail stands in for the SMTP server), and can
 * switch such mails off.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TrainerGradesAFreeTextAnswerIT {
    static GreenMail smtp;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true",
                "SERVICECRAFT_SMTP_HOST", "127.0.0.1", "SERVICECRAFT_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "SERVICECRAFT_MAIL_FROM", "training@servicecraft.test", "SERVICECRAFT_BASE_URL", "https://learn.example.com",
                "SERVICECRAFT_MAIL_SECONDS", "1")).start();
        putInGroupOf("t012", "trainer1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    static void putInGroupOf(String trainee, String trainer) throws Exception {
        server.group("Morning cohort", trainer, trainee);
    }

    @Test
    void theGroupsTrainerGradesItAndTheTraineeSeesGradeCommentAndNotification() throws Exception {
        try (Browser b = new Browser(server, "zh-CN")) {
            signInAs(b, "t012");
            QuizDriver.start(b, "/learn/quiz.xhtml?exercise=m5-x-guarantee");
            b.find(".sc-question textarea").sendKeys(("服务：写字楼区快餐店的午市套餐。承诺：点单后 15 分钟内上齐，做不到这份套餐免费。"
                    + "小票打印下单时间，任何服务员都可以当场免单，顾客不用出示任何东西。").repeat(6));
            b.find(".sc-question .sc-prompt").click();
            b.waitForPage();
            new QuizDriver(b).submit();
            assertTrue(b.find("#awaiting").isDisplayed(), "the result waits for the trainer");
            signOut(b);
        }

        String gradeLink;
        try (Browser trainer = new Browser(server, "en")) {
            signInAs(trainer, "trainer1");
            trainer.submit("langForm:toEn");
            trainer.open("/trainer/grading.xhtml");
            WebElement row = rowOf(trainer, "t012");
            trainer.screenshot("grading-queue");
            gradeLink = row.findElement(By.cssSelector("a.sc-grade-link")).getAttribute("href");
            signOut(trainer);
        }

        try (Browser other = new Browser(server, "en")) {
            signInAs(other, "trainer2");
            other.open("/trainer/grading.xhtml");
            assertFalse(other.text("[id='queue']").contains("t012"), "another group's trainee is not in trainer2's queue");
            other.driver().get(gradeLink);
            other.waitForPage();
            assertFalse(other.pageText().contains("15 分钟内上齐"), "nor can trainer2 open it by its address");
            assertTrue(other.pageText().contains("Access denied") || other.pageText().contains("拒绝"), other.pageText());
        }

        try (Browser trainer = new Browser(server, "en")) {
            signInAs(trainer, "trainer1");
            trainer.submit("langForm:toEn");
            trainer.driver().get(gradeLink);
            trainer.waitForPage();
            assertTrue(trainer.text("#answer").contains("15 分钟内上齐"));
            List<WebElement> points = trainer.driver().findElements(By.cssSelector(".sc-points input"));
            assertEquals(5, points.size(), "one score per rubric criterion");
            trainer.screenshot("grade-answer");
            trainer.type("gradeForm:comment", "Clear and measurable; say who honours it on the spot.");
            for (int i = 1; i < points.size(); i++) {
                points.get(i).clear();
                points.get(i).sendKeys(String.valueOf(i % 2 + 1));
            }
            trainer.click("gradeForm:save");
            trainer.waitForText("Give points for every criterion of the rubric.");
            WebElement first = trainer.driver().findElements(By.cssSelector(".sc-points input")).get(0);
            first.clear();
            first.sendKeys("1");
            trainer.click("gradeForm:save");
            trainer.waitForPath("/trainer/grading.xhtml");
            trainer.waitForText("7 of 10 points. The attempt is now complete");
            assertFalse(trainer.text("[id='queue']").contains("t012"), "graded work leaves the queue");
        }

        try (Browser b = new Browser(server, "zh-CN")) {
            signInAs(b, "t012");
            assertTrue(b.text("[id='navForm:menuNotifications']").contains("(1)"), "an unread notification in the menu bar");
            b.open("/notifications.xhtml");
            assertTrue(b.pageText().contains("你的书面作业已评分：作业：为一项服务设计服务承诺"), b.pageText());
            assertTrue(b.pageText().contains("7 / 10 分"));
            b.screenshot("notifications");
            b.find("a[id$=':open']").click();
            b.waitForPath("/learn/result.xhtml");
            assertEquals("7 / 10", b.text(".sc-trainer-points").replaceAll("^.*：\\s*", ""));
            assertTrue(b.text(".sc-trainer-comment").contains("say who honours it on the spot"));
            b.screenshot("graded-result");
            assertTrue(b.driver().findElements(By.id("awaiting")).isEmpty(), "the attempt is complete");
            assertFalse(b.text("[id='navForm:menuNotifications']").contains("("), "opening it marked it read");

            b.open("/account/settings.xhtml");
            assertTrue(b.find("[id='settingsForm:emailNotifications']").isDisplayed());
            assertTrue(b.driver().findElement(By.id("settingsForm:emailNotifications_input")).isSelected(), "e-mail is on by default");
            b.find("[id='settingsForm:emailNotifications'] .ui-chkbox-box").click();
            b.click("settingsForm:save");
            b.waitForText("邮件通知已关闭");
            b.open("/account/settings.xhtml");
            assertFalse(b.driver().findElement(By.id("settingsForm:emailNotifications_input")).isSelected(), "and stays off");
        }

        assertTrue(smtp.waitForIncomingEmail(20_000, 1), "the mail job sent the notification");
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("t012@demo.servicecraft.test", mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("你的书面作业已评分：作业：为一项服务设计服务承诺", mail.getSubject());
        assertTrue(String.valueOf(mail.getContent()).contains("https://learn.example.com/learn/result.xhtml?id="));
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    private static WebElement rowOf(Browser b, String username) {
        return b.driver().findElements(By.cssSelector("[id='queue'] tbody tr")).stream()
                .filter(r -> r.getText().contains("(" + username + ")")).findFirst()
                .orElseThrow(() -> new AssertionError(username + " is not in the queue:\n" + b.pageText()));
    }
}
