package com.servicecraft.learning;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trainee reading a lesson: many tabs of it at once never fail, and "I have read this lesson"
 * waits for the reading time, which the page's heartbeats earn. The server runs with
 * SERVICECRAFT_READING_TIME_FACTOR=0.01, so a lesson needs a few seconds instead of minutes.
 */
class TraineeReadsALessonIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_READING_TIME_FACTOR", "0.01")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twentyParallelViewsAndHeartbeatsOfOneLessonAllSucceedWithoutALockError() throws Exception {
        try (Browser b = new Browser(server, "en")) {
            signInAs(b, "t015");
            b.open("/learn/lesson.xhtml?id=m1-l02");
            String session = b.driver().manage().getCookieNamed("SC_SESSION").getValue();
            String token = b.find("#readingStatus").getAttribute("data-token");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (int round = 0; round < 2; round++) {
                List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.url("/learn/lesson.xhtml?id=m1-l03")))
                            .header("Cookie", "SC_SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString()));
                    if (round == 1) {
                        calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.url("/learn/reading")))
                                .header("Cookie", "SC_SESSION=" + session).header("X-Servicecraft-Token", token)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("lesson=m1-l03")).build(), HttpResponse.BodyHandlers.ofString()));
                    }
                }
                for (CompletableFuture<HttpResponse<String>> call : calls) {
                    HttpResponse<String> res = call.get();
                    assertEquals(200, res.statusCode(), res.uri() + ": " + res.body());
                }
            }
            String log = server.output();
            assertFalse(log.contains("Timeout trying to lock") || log.contains("Lock wait timeout") || log.contains("OptimisticLock")
                    || log.contains("StaleObjectState"), "no lock error in the server log:\n" + log);
        }
    }

    @Test
    void markingALessonReadWaitsForTheReadingTimeTheHeartbeatsEarn() {
        try (Browser b = new Browser(server, "en")) {
            signInAs(b, "t016");
            b.submit("langForm:toEn");
            b.open("/learn/lesson.xhtml?id=m1-l01");
            String title = b.text("#lessonTitle");
            assertTrue(b.text("#readingStatus").startsWith("Reading time still needed"), b.text("#readingStatus"));
            b.click("lessonForm:markRead");
            b.waitForText("Not yet: this lesson counts as read after");
            assertEquals(title, b.text("#lessonTitle"), "still on the lesson");

            // The page's heartbeat (every 15 s) earns the few seconds this server asks for.
            new WebDriverWait(b.driver(), Duration.ofSeconds(60))
                    .until(d -> b.text("#readingStatus").startsWith("Enough reading time"));
            b.click("lessonForm:markRead");
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> !b.text("#lessonTitle").equals(title));
            assertFalse(b.pageText().contains("Not yet"));
            b.open("/learn/course.xhtml");
            assertEquals(1, b.driver().findElements(org.openqa.selenium.By.cssSelector("#module-m1-etiquette li.sc-done")).size());
        }
    }
}
