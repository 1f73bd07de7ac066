package com.servicecraft.quiz;

import com.servicecraft.testing.FacesHttp;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A double-clicked (or many times clicked) submit: the same postback of one attempt page arrives several
 * times at once. Every request ends on the result page, none on an error page, and the attempt is graded once.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DoubleClickedSubmitIT {
    private static final int PARALLEL = 12;
    private static final Pattern OPTION = Pattern.compile("name=\"attemptForm:singleChoiceAnswer\" type=\"radio\" value=\"([^\"]+)\"");
    private static final Pattern ATTEMPT = Pattern.compile("/learn/attempt\\.xhtml\\?id=(\\d+)");

    @Test
    void parallelSubmitsOfOneAttemptAllEndOnItsResultAndGradeOnce() throws Exception {
        TestServer server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true"));
        // The race needs the first request to leave the page while others are still reading it:
        // a few trainees, a burst each, make it show on the old code every time.
        for (String trainee : List.of("t013", "t014", "t015", "t016", "t017", "t018")) {
            FacesHttp http = new FacesHttp(server).signIn(trainee, "servicecraft-demo");
            String quiz = "/learn/quiz.xhtml?exercise=m4-x-questions";
            HttpResponse<String> started = http.post(quiz, FacesHttp.form("startForm", FacesHttp.viewState(http.get(quiz).body()),
                    "startForm:start", ""));
            Matcher m = ATTEMPT.matcher(http.location(started));
            assertTrue(m.find(), "the attempt page opens: " + http.location(started));
            long attempt = Long.parseLong(m.group(1));
            String page = http.get(http.location(started)).body();
            Matcher option = OPTION.matcher(page);
            assertTrue(option.find(), "the first question is a single choice");
            // What the browser posts: the attempt form with its fields, the current answer, the button.
            Map<String, String> submit = FacesHttp.form("attemptForm", FacesHttp.viewState(page), "attemptId", String.valueOf(attempt),
                    "attemptForm:singleChoiceAnswer", option.group(1), "attemptForm:confirmSubmit", "");

            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
            List<Future<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                replies.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                    go.await();
                    return http.post("/learn/attempt.xhtml", submit, Map.of("Referer", server.url(http.location(started))));
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> f : replies) {
                HttpResponse<String> r = f.get(2, TimeUnit.MINUTES);
                assertEquals(302, r.statusCode(), () -> trainee + ": " + r.statusCode() + " " + r.body());
                String to = http.location(r);
                if (to.equals("/learn/attempt.xhtml?id=" + attempt)) {
                    // A click that came too late to use the page is sent back to it, which shows the result.
                    to = http.location(http.get(to));
                }
                assertEquals("/learn/result.xhtml?id=" + attempt, to, trainee + ": every click ends on the result");
            }
            pool.shutdown();
            try (Connection c = server.database();
                 PreparedStatement st = c.prepareStatement("select count(*), min(a.status), min(a.submitted_by) from attempt a "
                         + "join app_user u on u.id = a.user_id where u.username = ?")) {
                st.setString(1, trainee);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "one attempt");
                    assertEquals("GRADED", rs.getString(2));
                    assertEquals("TRAINEE", rs.getString(3));
                }
            }
        }
        assertTrue(!server.output().contains("IndexOutOfBoundsException"), "no request failed on the discarded view");
    }
}
