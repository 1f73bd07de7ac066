package com.servicecraft.shared.persistence;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.OwnMariaDb;
import com.servicecraft.testing.QuizDriver;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application's MariaDB (a server of the test's own, so the suite's shared one is untouched)
 * goes away for about 20 seconds while a trainee works and pages are asked for in a loop. Every
 * answer in the outage is the clean 503 page or the autosave's 503 (never a 500 or a stack trace);
 * the trainee's page says "not saved, retrying" and stores the answer by itself once the database
 * is back; the application recovers without a restart; the pool has not leaked a connection; and
 * the answer confirmed before the outage is still there.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class TheDatabaseGoesAwayForTwentySecondsIT {
    private static final int POOL = 4;
    private static final String BEFORE = "Before the outage: 我先道歉，再马上查。I apologise and check at once.";
    private static final String DURING = "Typed during the outage: 请稍等，我正在处理。One moment, I am on it.";

    @Test
    void everyRequestInTheOutageGetsACleanAnswerAndTheAppRecoversWithEveryAnswerKept() throws Exception {
        requireBrowser();
        OwnMariaDb.requireMariaDb();
        try (OwnMariaDb db = OwnMariaDb.start("sc_outage");
             TestServer server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true",
                     "SERVICECRAFT_DB_URL", db.jdbcUrl("sc_outage"), "SERVICECRAFT_DB_USER", "root", "SERVICECRAFT_DB_PASSWORD", "",
                     "SERVICECRAFT_DB_POOL_SIZE", String.valueOf(POOL), "SERVICECRAFT_DB_CONNECT_TIMEOUT_MS", "5000"))) {
            server.start();
            runThroughTheOutage(db, server);
        }
    }

    private static void runThroughTheOutage(OwnMariaDb db, TestServer server) throws Exception {
        try (Browser b = new Browser(server, "en")) {
            signInAs(b, "t031");
            b.submit("langForm:toEn");
            QuizDriver.start(b, "/learn/quiz.xhtml?exercise=m6-x-rewrite");
            QuizDriver quiz = new QuizDriver(b);
            quiz.goTo(1);
            write(b, BEFORE);
            b.waitForPage();
            assertTrue(status(b).getText().startsWith("Saved at"), status(b).getText());
            quiz.goTo(2);
            WebElement area = b.find("#answerArea");
            String token = area.getAttribute("data-token");
            String attempt = area.getAttribute("data-attempt");
            String cookie = b.driver().manage().getCookieNamed("SC_SESSION").getValue();
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

            db.stopServer();
            long outageEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            // The trainee goes on typing: the page cannot save and says so, and keeps the answer.
            write(b, DURING);
            new WebDriverWait(b.driver(), Duration.ofSeconds(30))
                    .until(d -> status(b).getAttribute("class").contains("sc-save-failed"));
            assertTrue(status(b).getText().startsWith("Not saved yet"), status(b).getText());

            List<String> seen = new ArrayList<>();
            int requests = 0;
            while (System.nanoTime() < outageEnds) {
                for (HttpRequest req : requestsDuringTheOutage(server, cookie, token, attempt)) {
                    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                    requests++;
                    assertCleanOutageAnswer(req, res);
                    seen.add(req.method() + " " + req.uri().getPath() + " " + res.statusCode());
                }
            }
            assertTrue(seen.stream().anyMatch(s -> s.startsWith("POST /learn/autosave 503")), seen.toString());
            assertTrue(seen.stream().anyMatch(s -> s.startsWith("GET /index.xhtml 503")), seen.toString());
            assertTrue(status(b).getAttribute("class").contains("sc-save-failed"), "still retrying at the end of the outage");

            db.startServer();
            // No restart of the application: it answers again by itself once the database is back.
            long recoverBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int health = 0;
            while (health != 200 && System.nanoTime() < recoverBy) {
                health = http.send(HttpRequest.newBuilder(URI.create(server.url("/health"))).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode();
            }
            assertEquals(200, health, "the application recovered without a restart");
            // The page's own retry stores what was typed during the outage (retries back off to 15 s).
            new WebDriverWait(b.driver(), Duration.ofSeconds(60))
                    .until(d -> !status(b).getAttribute("class").contains("sc-save-failed") && status(b).getText().startsWith("Saved at"));

            // No connection leaked: many more requests than the pool has connections, several at once, all answered.
            List<HttpResponse<String>> after = new ArrayList<>();
            for (int round = 0; round < 3 * POOL; round++) {
                after.add(http.send(page(server, "/index.xhtml", cookie), HttpResponse.BodyHandlers.ofString()));
            }
            var parallel = new ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < 2 * POOL; i++) {
                parallel.add(http.sendAsync(page(server, "/learn/course.xhtml", cookie), HttpResponse.BodyHandlers.ofString()));
            }
            for (var f : parallel) {
                after.add(f.get(60, TimeUnit.SECONDS));
            }
            assertTrue(after.stream().allMatch(r -> r.statusCode() == 200), after.stream().map(HttpResponse::statusCode).toList().toString());
            try (Connection c = db.connect("mysql");
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from information_schema.processlist where db = 'sc_outage'")) {
                rs.next();
                assertTrue(rs.getInt(1) <= POOL, "at most the pool's " + POOL + " connections: " + rs.getInt(1));
            }

            // Nothing confirmed is lost: the answer saved before and the one the page retried are both stored.
            try (Connection c = db.connect("sc_outage");
                 PreparedStatement st = c.prepareStatement("select position, response from attempt_item where attempt_id = ? order by position")) {
                st.setLong(1, Long.parseLong(attempt));
                List<String> responses = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        responses.add(rs.getInt(1) + ":" + rs.getString(2));
                    }
                }
                assertTrue(responses.get(0).contains("Before the outage"), responses.toString());
                assertTrue(responses.get(1).contains("Typed during the outage"), responses.toString());
            }
            assertTrue(requests >= 5, "the loop asked often enough: " + requests);
        }
    }

    /** A bounded round of what browsers ask for: pages of a signed-in trainee, the sign-in page, health and an autosave. */
    private static List<HttpRequest> requestsDuringTheOutage(TestServer server, String cookie, String token, String attempt) {
        String body = "attempt=" + attempt + "&position=2&v=" + URLEncoder.encode("sent by the loop", StandardCharsets.UTF_8);
        return List.of(
                page(server, "/index.xhtml", cookie),
                page(server, "/learn/course.xhtml", cookie),
                HttpRequest.newBuilder(URI.create(server.url("/login.xhtml"))).header("Accept-Language", "en").timeout(Duration.ofSeconds(30)).build(),
                HttpRequest.newBuilder(URI.create(server.url("/health"))).timeout(Duration.ofSeconds(30)).build(),
                HttpRequest.newBuilder(URI.create(server.url("/learn/autosave"))).header("Cookie", "SC_SESSION=" + cookie)
                        .header("X-Servicecraft-Token", token).header("Accept-Language", "en")
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpRequest page(TestServer server, String path, String cookie) {
        return HttpRequest.newBuilder(URI.create(server.url(path))).header("Cookie", "SC_SESSION=" + cookie)
                .header("Accept-Language", "en").timeout(Duration.ofSeconds(30)).build();
    }

    private static void assertCleanOutageAnswer(HttpRequest req, HttpResponse<String> res) {
        String what = req.method() + " " + req.uri().getPath() + " → " + res.statusCode();
        // Page scripts name the exception types of web.xml's error pages and the ajax handler: not a leak.
        String body = res.body().replaceAll("(?s)<script[^>]*>.*?</script>", "");
        assertFalse(INTERNALS.matcher(body).find(), what + " shows internals (" + matchOf(body) + "):\n" + body);
        switch (req.uri().getPath()) {
            case "/health" -> assertEquals(503, res.statusCode(), what);
            case "/login.xhtml" -> assertTrue(res.statusCode() == 200 || res.statusCode() == 503, what);
            case "/learn/autosave" -> assertEquals(503, res.statusCode(), what + " (the page retries on 503)");
            default -> {
                assertEquals(503, res.statusCode(), what);
                assertTrue(body.contains("Service temporarily unavailable"), what + ":\n" + body);
            }
        }
    }

    /** What a stack trace, a driver message or a server page would give away: class names, frames, URLs, versions, paths. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(java|javax|jakarta|org|com)\\.[\\w.$]+(Exception|Error)\\b|\\bat [\\w.$]+\\(|Caused by:|jdbc:|Jetty|HikariPool|/tmp/|/work/");

    private static String matchOf(String body) {
        Matcher m = INTERNALS.matcher(body);
        return m.find() ? m.group() : "";
    }

    private static void write(Browser b, String text) {
        b.find(".sc-question textarea").sendKeys(text);
        b.find(".sc-question .sc-prompt").click();
    }

    private static WebElement status(Browser b) {
        return b.find(".sc-save-status");
    }
}
