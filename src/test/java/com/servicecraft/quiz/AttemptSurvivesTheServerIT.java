package com.servicecraft.quiz;

import com.servicecraft.content.ContentFixture;
import com.servicecraft.shared.persistence.DatabaseSettings;
import com.servicecraft.testing.Browser;
import com.servicecraft.testing.QuizDriver;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signIn;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing a trainee saved is lost when the server is killed, or when time runs out with the browser gone. */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class AttemptSurvivesTheServerIT {

    @Test
    void aKill9InTheMiddleOfThePostCourseTestLosesNoAnswerAndTheTraineeResumesAtTheSameQuestion() throws Exception {
        requireBrowser();
        TestServer server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true")).start();
        String answeredBefore;
        try (Browser b = new Browser(server, "zh-CN")) {
            signInAs(b, "t036");
            QuizDriver.start(b, "/learn/quiz.xhtml?postTest=true");
            QuizDriver quiz = new QuizDriver(b);
            quiz.answer(1, 2, 3, 4);
            quiz.goTo(5);
            answeredBefore = answeredNumbers(b);
            assertEquals("1,2,3,4", answeredBefore);

            server.kill();
            TestServer restarted = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true",
                    "SERVICECRAFT_DATA_DIR", server.dataDir().toString())).start();
            try (Browser again = new Browser(restarted, "zh-CN")) {
                signInAs(again, "t036");
                again.open("/learn/quiz.xhtml?postTest=true");
                assertTrue(again.text("[id='startForm:start']").contains("继续"), "offered to resume");
                again.click("startForm:start");
                again.waitForPath("/learn/attempt.xhtml");
                assertEquals(answeredBefore, answeredNumbers(again), "every saved answer is still there");
                assertTrue(again.pageText().contains("题目 5 / 30"), "and the trainee is back at question 5");
                assertTrue(again.find("#countdown").getText().matches("(2\\d|30):\\d\\d"), "the clock kept the server's deadline");
            } finally {
                restarted.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void whenTimeRunsOutWithTheBrowserClosedTheAttemptIsSubmittedWithItsSavedAnswers() throws Exception {
        requireBrowser();
        Path content = ContentFixture.copyOfSample().replace("sample-a/module.yaml", "timeLimitMinutes: 5", "timeLimitMinutes: 1").root();
        TestServer server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_CONTENT_DIR", content.toString(),
                "SERVICECRAFT_SWEEP_SECONDS", "1")).start();
        try {
            try (Browser b = new Browser(server, "zh-CN")) {
                signInAs(b, "t037");
                QuizDriver.start(b, "/learn/quiz.xhtml?module=sample-a");
                new QuizDriver(b).answer(1);
            }
            // The browser is gone. While the minute lasts, the sweeps leave the attempt open.
            assertEquals("IN_PROGRESS", attemptOfT037(server)[0]);
            server.advanceClock(java.time.Duration.ofSeconds(61));
            // The deadline has passed: wait for a sweep, reading the database like an auditor.
            long deadline = System.currentTimeMillis() + 60_000;
            String[] attempt = attemptOfT037(server);
            while (!"GRADED".equals(attempt[0]) && System.currentTimeMillis() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
                attempt = attemptOfT037(server);
            }
            assertEquals("GRADED", attempt[0]);
            assertEquals("TIMEOUT", attempt[1]);
        } finally {
            server.close();
        }
    }

    /** Status and submitted-by of t037's attempt; asserts that its one saved answer is kept. */
    private static String[] attemptOfT037(TestServer server) throws Exception {
        String url = DatabaseSettings.h2FileUrl(server.dataDir().resolve("servicecraft"));
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("select a.status, a.submitted_by, (select count(*) from attempt_item i where i.attempt_id = a.id and i.response is not null) "
                     + "from attempt a join app_user u on u.id = a.user_id where u.username = 't037'")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(3), "the saved answer is kept");
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    private static String answeredNumbers(Browser b) {
        List<String> numbers = b.driver().findElements(By.cssSelector(".sc-navigator button.sc-answered")).stream()
                .map(e -> e.getText().trim()).toList();
        return String.join(",", numbers);
    }
}
