package com.servicecraft.selfassessment;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.QuizDriver;
import com.servicecraft.testing.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trainee rates themselves at the start of the course, reaches its end (submits the action
 * plan), rates themselves again and sees both rounds on a radar chart with the gaps to work on;
 * their written reflection is in their workbook and its PDF.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class TraineeComparesSelfAssessmentRoundsIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true"));
    }

    /** Rates statement i with rating(i) (1..5) and submits. */
    static void rateAndSubmit(Browser b, java.util.function.IntUnaryOperator rating) {
        int rows = b.driver().findElements(By.cssSelector(".sc-ratings tr")).size();
        assertEquals(20, rows, "twenty qualities");
        for (int i = 0; i < rows; i++) {
            List<WebElement> buttons = b.driver().findElements(By.cssSelector(".sc-ratings tr")).get(i).findElements(By.cssSelector(".ui-button"));
            buttons.get(rating.applyAsInt(i) - 1).click();
            b.waitForPage();
        }
        new QuizDriver(b).submit();
    }

    static HttpResponse<byte[]> get(Browser b, String path) throws Exception {
        String cookie = b.driver().manage().getCookieNamed("SC_SESSION").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Cookie", "SC_SESSION=" + cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void bothRoundsAreDrawnOverEachOtherWithTheGapsAndTheReflectionIsInTheWorkbook() throws Exception {
        try (Browser b = new Browser(server, "zh-CN")) {
            signInAs(b, "t007");
            b.open("/learn/self-assessment.xhtml");
            assertTrue(b.driver().findElements(By.id("endRound")).isEmpty());
            // Taken from the course's exercise page: it counts as the course-start round.
            QuizDriver.start(b, "/learn/quiz.xhtml?exercise=m0-self-assessment");
            rateAndSubmit(b, i -> i < 10 ? 3 : 2);

            b.open("/learn/self-assessment.xhtml");
            assertTrue(b.text("#startState").contains("已完成"));
            assertTrue(b.find("#endNotYet").isDisplayed(), "the end round waits for the end of the course");
            assertFalse(b.driver().findElements(By.cssSelector("#radarCard canvas")).isEmpty(), "a radar chart of the first round");
            assertEquals(20, b.driver().findElements(By.cssSelector("[id='gaps'] tbody tr")).size());
            assertTrue(b.text("[id='gaps']").contains("谦卑"), "labels in the trainee's language");

            // The end of the course: the action plan is submitted.
            b.open("/learn/action-plan.xhtml");
            for (String f : List.of("what", "why", "when", "how", "who", "howMuch", "where", "measure")) {
                b.find("textarea[data-goal='0'][data-field='" + f + "']").sendKeys("提升产品知识 " + f);
            }
            b.click("planForm:submit");
            b.click("planForm:confirmYes");
            b.waitForText("计划已提交");

            b.open("/learn/self-assessment.xhtml");
            b.click("roundsForm:endRound");
            b.waitForPath("/learn/attempt.xhtml");
            rateAndSubmit(b, i -> 4);

            b.open("/learn/self-assessment.xhtml");
            assertTrue(b.text("#endState").contains("已完成"));
            String source = b.source();
            assertTrue(source.contains("开课时") && source.contains("结课时"), "both rounds in the chart");
            String gaps = b.text("[id='gaps']");
            assertTrue(gaps.contains("+2") && gaps.contains("+1"), gaps);
            b.screenshot("self-assessment");

            // A reflection goes into the workbook.
            QuizDriver.start(b, "/learn/quiz.xhtml?exercise=m1-x-reflection").answerAll();
            new QuizDriver(b).submit();
            b.open("/learn/workbook.xhtml");
            String workbook = b.pageText();
            assertTrue(workbook.contains("服务礼仪") && workbook.contains("我会先真诚道歉，再说明下一步怎么做。"), workbook);
            HttpResponse<byte[]> pdf = get(b, "/learn/workbook.pdf");
            assertEquals(200, pdf.statusCode());
            try (var doc = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s*\\R\\s*", "");
                assertTrue(text.contains("我的学习手册") && text.contains("我会先真诚道歉，再说明下一步怎么做。"), text);
            }
        }
    }
}
