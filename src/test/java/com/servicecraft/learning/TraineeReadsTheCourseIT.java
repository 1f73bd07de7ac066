package com.servicecraft.learning;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.Map;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signIn;
import static com.servicecraft.testing.BrowserTest.signOut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trainee reads lessons, leaves, comes back and continues where they stopped. */
class TraineeReadsTheCourseIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        // Reading time off (factor 0): these tests are about progress, not about how long a lesson takes.
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_READING_TIME_FACTOR", "0"));
    }

    @Test
    void aTraineeReadsTwoLessonsLeavesAndIsOfferedTheThird() throws Exception {
        readTwoLessonsAndComeBack("t010", false, "继续学习", "33%");
    }

    @Test
    void theSameInEnglish() throws Exception {
        readTwoLessonsAndComeBack("t011", true, "Continue", "33%");
    }

    private void readTwoLessonsAndComeBack(String trainee, boolean english, String continueWord, String progress) throws Exception {
        try (Browser b = new Browser(server, english ? "en" : "zh-CN")) {
            signIn(b, trainee, "servicecraft-demo");
            b.waitForPath("/index.xhtml");
            if (english) {
                b.submit("langForm:toEn");
            }
            b.open("/learn/course.xhtml");
            String firstTitle = b.find("#module-m1-etiquette .sc-lessons li a").getText();
            b.find("#module-m1-etiquette .sc-lessons li a").click();
            b.waitForPath("/learn/lesson.xhtml");
            assertEquals(firstTitle, b.text("#lessonTitle"));
            b.screenshot("lesson-" + (english ? "en" : "zh"));
            assertTrue(b.driver().findElements(By.cssSelector(".sc-callout-try")).size() > 0, "the lesson shows its try-it callout");
            assertTrue(b.driver().findElements(By.cssSelector("nav.sc-toc a")).size() > 0, "a table of contents");
            b.click("lessonForm:markRead");
            b.waitForPath("/learn/lesson.xhtml");
            String secondTitle = b.text("#lessonTitle");
            b.click("lessonForm:markRead");
            b.waitForPath("/learn/lesson.xhtml");
            String thirdTitle = b.text("#lessonTitle");
            assertFalse(thirdTitle.equals(secondTitle));
            signOut(b);

            signIn(b, trainee, "servicecraft-demo");
            b.waitForPath("/index.xhtml");
            String offer = b.text("#continueLink");
            assertTrue(offer.startsWith(continueWord), offer);
            assertTrue(offer.endsWith(thirdTitle), offer + " should offer " + thirdTitle);

            b.screenshot("home-" + (english ? "en" : "zh"));
            b.open("/learn/course.xhtml");
            b.screenshot("course-" + (english ? "en" : "zh"));
            String bar = b.find("#module-m1-etiquette .ui-progressbar-label").getText();
            assertEquals(progress, bar);
            assertEquals(2, b.driver().findElements(By.cssSelector("#module-m1-etiquette li.sc-done")).size());

            b.click("continueLink");
            b.waitForPath("/learn/lesson.xhtml");
            assertEquals(thirdTitle, b.text("#lessonTitle"));
        }
    }
}
