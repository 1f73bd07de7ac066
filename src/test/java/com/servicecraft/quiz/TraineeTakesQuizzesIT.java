package com.servicecraft.quiz;

import com.servicecraft.content.ContentLoader;
import com.servicecraft.content.LoadedContent;
import com.servicecraft.shared.Language;
import com.servicecraft.question.Question;
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
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signIn;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
/** Trainees take the course's quizzes, listening game, role-play and post-course test in a browser. */
class TraineeTakesQuizzesIT {
    static TestServer server;
    static LoadedContent content;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true"));
        content = ContentLoader.load(Path.of(System.getProperty("servicecraft.contentDir", "content")), Clock.systemUTC());
    }

    /** Every explanation, distractor and model answer of the course: none may be in a page before submission. */
    static List<String> secrets() {
        List<String> s = new ArrayList<>();
        content.course().modules().forEach(m -> Stream.concat(m.questions().stream(), m.exercises().stream().flatMap(e -> e.items().stream()))
                .forEach(q -> {
                    for (Language l : Language.values()) {
                        if (q.info().explanation() != null) {
                            s.add(q.info().explanation().in(l));
                        }
                        if (q.info().distractor() != null) {
                            s.add(q.info().distractor().in(l));
                        }
                    }
                }));
        return s;
    }

    static void assertNoKeyIn(String html) {
        for (String secret : secrets()) {
            String probe = secret.length() > 40 ? secret.substring(0, 40) : secret;
            assertFalse(html.contains(probe), "the page shows an explanation before submission: " + probe);
        }
        assertFalse(html.contains("\"correct\""), "no correctness flags");
        assertFalse(html.contains("m1-q0"), "no question ids that could be looked up");
    }

    @Test
    void aTraineeTakesAModuleQuizAndIsToldWhatIsUnansweredBeforeSubmitting() {
        try (Browser b = new Browser(server, "zh-CN")) {
            signInAs(b, "t030");
            b.open("/learn/course.xhtml");
            b.find("#module-m1-etiquette a[id$='quizLink']").click();
            b.waitForPath("/learn/quiz.xhtml");
            b.click("startForm:start");
            b.waitForPath("/learn/attempt.xhtml");
            assertNoKeyIn(b.source());
            QuizDriver quiz = new QuizDriver(b);
            assertEquals(10, quiz.questionCount());
            quiz.answer(1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertNoKeyIn(b.source());
            String unanswered = quiz.submit();
            assertEquals("10", unanswered, "the confirmation lists the one question left out; answered " + quiz.answeredTypes());
            assertTrue(b.find("#score").getText().endsWith("%"));
            assertTrue(b.pageText().contains("解析"), "explanations after submission, as the module quiz allows");
        }
    }

    @Test
    void theListeningGameShowsTheStoryOnceThenExplainsEachStatementBesideIt() {
        try (Browser b = new Browser(server, "en")) {
            signInAs(b, "t031");
            b.submit("langForm:toEn");
            QuizDriver.start(b, "/learn/quiz.xhtml?exercise=m4-x-listening-1");
            String story = b.text("#passageText");
            assertTrue(story.startsWith("At half past seven"), story);
            assertFalse(b.driver().findElement(By.id("attemptForm")).isDisplayed(), "the statements wait until the story is hidden");
            assertNoKeyIn(b.source());
            b.driver().findElement(By.id("passageDone")).click();
            assertTrue(b.driver().findElements(By.id("passageText")).isEmpty(), "the story is gone");
            assertTrue(b.driver().findElement(By.id("attemptForm")).isDisplayed(), "and the statements appear");
            // Moving to another statement re-renders the form: it stays visible.
            b.driver().findElements(By.cssSelector(".sc-navigator button")).get(1).click();
            b.waitForPage();
            assertTrue(b.driver().findElement(By.id("attemptForm")).isDisplayed(), "the statements stay after an update of the form");

            b.driver().navigate().refresh();
            b.waitForPage();
            assertTrue(b.driver().findElements(By.id("passageText")).isEmpty(), "shown once: not again after a reload");
            assertTrue(b.pageText().contains("The story was shown once"));

            QuizDriver quiz = new QuizDriver(b);
            assertEquals(12, quiz.questionCount());
            quiz.answerAll();
            assertEquals("", quiz.submit());
            assertTrue(b.text("#passageAgain").contains("At half past seven"), "the story is shown again beside the answers");
            assertTrue(b.pageText().contains("Right answer:"));
            assertTrue(b.pageText().contains("Why:"));
        }
    }

    @Test
    void aRolePlayShowsTheCustomersReactionsAndScoresEachDimension() {
        try (Browser b = new Browser(server, "en")) {
            signInAs(b, "t032");
            b.submit("langForm:toEn");
            QuizDriver.start(b, "/learn/quiz.xhtml?exercise=m6-x-roleplay-roaming");
            String firstLine = b.text("#customerLine");
            b.find(".sc-responses button.sc-response").click();
            b.waitForPage();
            assertFalse(firstLine.equals(b.text("#customerLine")), "the customer reacts");
            assertEquals(1, b.driver().findElements(By.cssSelector(".sc-conversation .sc-bubble-staff")).size());
            assertNoKeyIn(b.source());
            new QuizDriver(b).answerCurrent();
            assertTrue(b.find("#outcome").isDisplayed());
            b.screenshot("role-play");
            new QuizDriver(b).submit();
            String page = b.pageText();
            assertTrue(page.contains("Empathy:") && page.contains("Ownership:") && page.contains("Compensation timing:"), page);
            assertTrue(page.contains("How it ended:"));
            b.screenshot("role-play-result");
            assertTrue(b.driver().findElements(By.cssSelector(".sc-path li")).size() >= 6, "at least six decisions on the path");
        }
    }

    @Test
    void thePostCourseTestIsTimedBalancedAndGivesAChartAndAChinesePdf() throws Exception {
        try (Browser b = new Browser(server, "zh-CN")) {
            signInAs(b, "t033");
            QuizDriver.start(b, "/learn/quiz.xhtml?postTest=true");
            assertTrue(b.text("#countdown").matches("(29|30):\\d\\d"), b.text("#countdown"));
            b.screenshot("post-test");
            QuizDriver quiz = new QuizDriver(b);
            assertEquals(30, quiz.questionCount());
            assertNoKeyIn(b.source());
            quiz.answer(1, 2, 3, 4, 5, 6);
            String unanswered = quiz.submit();
            assertTrue(unanswered.startsWith("7"), unanswered + " after answering " + quiz.answeredTypes());
            assertTrue(b.find("#score").isDisplayed());
            assertTrue(b.driver().findElements(By.cssSelector("#moduleChart canvas, canvas")).size() > 0, "a bar chart per module");
            b.screenshot("post-test-result");
            assertFalse(b.pageText().contains("解析："), "the post-course test shows the trainee the score, not the answers");
            assertTrue(b.driver().findElements(By.cssSelector(".sc-review-row")).isEmpty(),
                    "afterSubmit: [score] — no question with the trainee's answer marked right or wrong:\n" + b.pageText());
            assertFalse(b.pageText().contains("您的答案：") || b.pageText().contains("正确答案："), b.pageText());
            assertTrue(b.find("#questionsHidden").isDisplayed(), "the page says why no question is listed");

            String cookie = b.driver().manage().getCookieNamed("SC_SESSION").getValue();
            String href = b.find("a[id$='pdf']").getAttribute("href");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "SC_SESSION=" + cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            try (var doc = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(doc);
                assertTrue(text.contains("课后测试"), text);
                assertTrue(text.contains("服务礼仪") && text.contains("客诉处理"), text);
            }

            b.open("/learn/quiz.xhtml?postTest=true");
            assertTrue(b.pageText().contains("作答次数已用完"), "one attempt unless a trainer grants another:\n" + b.pageText());
            for (String page : List.of("/index.xhtml", "/learn/course.xhtml")) {
                b.open(page);
                String told = b.text("#needsTrainer");
                assertTrue(told.contains("课后测试") && told.contains("培训师"), page + ": what happened and what to do:\n" + told);
            }
        }
        try (Browser trainer = new Browser(server, "en")) {
            signInAs(trainer, "trainer2");
            trainer.open("/notifications.xhtml");
            WebElement notice = trainer.driver().findElements(By.cssSelector("[id$='list_data'] tr")).stream()
                    .filter(r -> r.getText().contains("(t033)") && r.getText().contains("Post-course test")).findFirst()
                    .orElseThrow(() -> new AssertionError("the trainer is told, in English:\n" + trainer.pageText()));
            notice.findElement(By.cssSelector("a[id$=':open']")).click();
            trainer.waitForPath("/trainer/grants.xhtml");
            assertEquals("t033", trainer.byId("grantForm:username").getAttribute("value"), "the notice opens the grant for this trainee");
            trainer.type("grantForm:reason", "Was called away by a customer during the test");
            trainer.click("grantForm:grant");
            trainer.waitForText("Extra attempt(s) granted to t033");
            assertTrue(trainer.text("[id='history']").contains("Was called away"), "the grant and its reason are kept");
        }
        try (Browser b = new Browser(server, "zh-CN")) {
            signInAs(b, "t033");
            b.open("/learn/quiz.xhtml?postTest=true");
            assertTrue(b.byId("startForm:start").isEnabled(), "the granted attempt can be started");
        }
    }

    @Test
    void aPracticeDrillGivesFeedbackAfterEachAnswer() {
        try (Browser b = new Browser(server, "en")) {
            signInAs(b, "t038");
            b.submit("langForm:toEn");
            QuizDriver.start(b, "/learn/quiz.xhtml?exercise=m3-x-types");
            assertTrue(b.driver().findElements(By.id("feedback")).isEmpty());
            new QuizDriver(b).answerCurrent();
            b.click("attemptForm:check");
            String feedback = b.text("#feedback");
            assertTrue(feedback.contains("Why:") && feedback.contains("Right answer:"), feedback);
        }
    }

    @Test
    void aTrainerSeesItemStatisticsOfAModuleQuiz() {
        try (Browser trainee = new Browser(server, "en")) {
            signInAs(trainee, "t039");
            QuizDriver.start(trainee, "/learn/quiz.xhtml?module=m2-service-marketing");
            QuizDriver quiz = new QuizDriver(trainee);
            quiz.answer(1, 2, 3);
            quiz.submit();
        }
        try (Browser trainer = new Browser(server, "en")) {
            signInAs(trainer, "trainer2");
            trainer.open("/trainer/item-stats.xhtml?module=m2-service-marketing");
            assertTrue(Integer.parseInt(trainer.text("#attemptCount")) >= 1);
            assertTrue(trainer.driver().findElements(By.cssSelector("[id$='items_data'] tr")).size() >= 10, "one row per question drawn");
            assertTrue(trainer.pageText().contains("Facility") && trainer.pageText().contains("Discrimination"));
        }
        try (Browser trainee = new Browser(server, "en")) {
            signInAs(trainee, "t039");
            trainee.open("/trainer/item-stats.xhtml?module=m2-service-marketing");
            assertTrue(trainee.pageText().contains("无权访问") || trainee.pageText().contains("Access denied"), "trainees may not see statistics");
        }
    }

    @Test
    void anotherTraineeCannotOpenSomeoneElsesAttempt() throws Exception {
        long attemptId;
        try (Browser owner = new Browser(server, "en")) {
            signInAs(owner, "t034");
            QuizDriver.start(owner, "/learn/quiz.xhtml?exercise=m4-x-listening-2");
            attemptId = Long.parseLong(owner.path().replaceAll(".*id=(\\d+).*", "$1"));
        }
        try (Browser intruder = new Browser(server, "en")) {
            signInAs(intruder, "t035");
            intruder.open("/learn/attempt.xhtml?id=" + attemptId);
            assertTrue(intruder.pageText().contains("无权访问") || intruder.pageText().contains("Access denied"), intruder.pageText());
            assertFalse(intruder.source().contains("sc-passage"));
            intruder.open("/learn/result.xhtml?id=" + attemptId);
            assertTrue(intruder.pageText().contains("无权访问") || intruder.pageText().contains("Access denied"));
        }
    }

}
