package com.servicecraft.quiz;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.QuizDriver;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static com.servicecraft.testing.BrowserTest.signOut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the server after a trainee saw their work confirmed, of every kind that is saved
 * as people work: written answers (in an open attempt and in a handed-in assignment), ordering
 * steps, role-play turns and an action-plan draft. (A trainer's grade made just before the kill was
 * gone after the restart in four of five runs; that defect is open, see README.) After one kill and one restart on the same data, the
 * database holds exactly what it held when the pages said "saved". (The post-course test's answers
 * and resuming at the same question: {@link AttemptSurvivesTheServerIT}.)
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class EverySavedKindSurvivesAKill9IT {
    private static final String TRAINEE = "t039";
    private static final String PART_ONE = "第一部分 Part one: a fail-safe at the counter, complaints welcomed by a card on every table. ";
    private static final String PART_TWO = "第二部分 Part two: the airline rebooked me at once, fair in outcome, process and manner. ";

    @Test
    void everyConfirmedSaveOfEveryKindIsThereAfterTheRestart() throws Exception {
        requireBrowser();
        TestServer server = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true"));
        TestServer restarted = null;
        try {
            server.start();
            server.group("Crash cohort", "trainer1", TRAINEE);
            List<String> rewrites = new ArrayList<>();
            try (Browser b = new Browser(server, "en")) {
                signInAs(b, TRAINEE);
                b.submit("langForm:toEn");

                // A written assignment in two parts, handed in: it waits for the trainer.
                QuizDriver.start(b, "/learn/quiz.xhtml?exercise=m5-x-recovery-plan");
                QuizDriver assignment = new QuizDriver(b);
                assignment.goTo(1);
                write(b, PART_ONE.repeat(6));
                assignment.goTo(2);
                write(b, PART_TWO.repeat(6));
                assignment.submit();
                assertTrue(b.find("#awaiting").isDisplayed(), "the assignment waits for the trainer");

                // Written answers in an attempt left open.
                QuizDriver.start(b, "/learn/quiz.xhtml?exercise=m6-x-rewrite");
                QuizDriver rewrite = new QuizDriver(b);
                for (int n = 1; n <= 3; n++) {
                    rewrite.goTo(n);
                    String text = "Rewrite " + n + ": 我来帮您查一下，马上给您答复。Let me check that for you right now.";
                    write(b, text);
                    rewrites.add(text);
                }

                // Ordering steps, saved through the page itself.
                QuizDriver.start(b, "/learn/quiz.xhtml?exercise=m6-x-hostility");
                QuizDriver ordering = new QuizDriver(b);
                for (int n = 1; n <= 2; n++) {
                    ordering.goTo(n);
                    b.find(".sc-ordering li button[id$='down']").click();
                    assertConfirmed(b);
                }

                // Two turns of a role-play, each saved through the page.
                QuizDriver.start(b, "/learn/quiz.xhtml?exercise=m6-x-roleplay-roaming");
                for (int turn = 0; turn < 2; turn++) {
                    b.find(".sc-responses button.sc-response").click();
                    assertConfirmed(b);
                }
                assertEquals(2, b.driver().findElements(By.cssSelector(".sc-conversation .sc-bubble-staff")).size());

                // An action-plan draft, saved as the trainee types.
                b.open("/learn/action-plan.xhtml");
                for (String field : List.of("what", "why", "when")) {
                    WebElement area = b.find("textarea[data-goal='0'][data-field='" + field + "']");
                    area.sendKeys("Goal " + field + ": 每位顾客三分钟内得到答复 every customer answered within three minutes");
                    b.find("#planStatus").click();
                    b.waitForPage();
                    assertFalse(b.text("[id='planForm:saveStatus']").isBlank(), "the page says the draft is saved");
                    assertTrue(b.driver().findElements(By.cssSelector(".ui-messages-error, .ui-message-error")).isEmpty(), b.pageText());
                }
                signOut(b);
            }

            List<List<String>> before = savedWork(server);
            assertSavedAsConfirmed(before, rewrites);

            server.kill();
            restarted = TestServer.withEnvironment(Map.of("SERVICECRAFT_DEMO", "true",
                    "SERVICECRAFT_DATA_DIR", server.dataDir().toString()));
            restarted.start();
            // Read through the first server's data folder: the restarted server shares it (H2 AUTO_SERVER).
            List<List<String>> after = savedWork(server);
            List<List<String>> lost = before.stream().filter(row -> !after.contains(row)).toList();
            assertTrue(lost.isEmpty(), "rows as confirmed before the kill, changed or gone after the restart: " + lost
                    + "\nafter the restart: " + after.stream().filter(row -> !before.contains(row)).toList());
            assertEquals(before, after, "nothing else changed either");
        } finally {
            if (restarted != null) {
                restarted.close();
            }
            server.close();
        }
    }

    /** Types a written answer, leaves the field (the page saves on change) and waits for the confirmation. */
    private static void write(Browser b, String text) {
        b.find(".sc-question textarea").sendKeys(text);
        b.find(".sc-question .sc-prompt").click();
        assertConfirmed(b);
    }

    /** The page's own confirmation: no save pending, a "saved" status and no failure shown. */
    private static void assertConfirmed(Browser b) {
        b.waitForPage();
        WebElement status = b.find(".sc-save-status");
        assertFalse(status.getAttribute("class").contains("sc-save-failed"), status.getText());
        assertFalse(status.getText().isBlank(), "the page confirms the save");
        assertTrue(b.driver().findElements(By.cssSelector("#saveWarning:not([hidden])")).isEmpty(), "no save warning");
    }

    /** What the trainee's attempts and action plan hold, row by row, in a fixed order. */
    private static List<List<String>> savedWork(TestServer server) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = server.database()) {
            rows.addAll(query(c, "select a.source_id, a.status, i.position, i.question_type, i.response, i.graded_by, i.fraction, i.trainer_comment"
                    + " from attempt a join app_user u on u.id = a.user_id join attempt_item i on i.attempt_id = a.id"
                    + " where u.username = ? order by a.source_id, i.position"));
            rows.addAll(query(c, "select p.status, p.version, g.position, g.what_text, g.why_text, g.when_text"
                    + " from action_plan p join app_user u on u.id = p.user_id join action_plan_goal g on g.plan_id = p.id"
                    + " where u.username = ? order by g.position"));
        }
        return rows;
    }

    private static List<List<String>> query(Connection c, String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, TRAINEE);
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int col = 1; col <= md.getColumnCount(); col++) {
                        row.add(md.getColumnLabel(col).toLowerCase() + "=" + rs.getString(col));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The rows read while the server ran hold what the pages confirmed (so comparing after the restart means something). */
    private static void assertSavedAsConfirmed(List<List<String>> rows, List<String> rewrites) {
        String all = rows.toString();
        assertTrue(all.contains(PART_ONE.strip()) && all.contains(PART_TWO.strip()), all);
        for (String r : rewrites) {
            assertTrue(all.contains(r), "written answer " + r);
        }
        List<List<String>> recovery = rows.stream().filter(r -> r.get(0).equals("source_id=m5-x-recovery-plan")).toList();
        assertEquals(2, recovery.size());
        assertTrue(recovery.stream().allMatch(r -> r.get(1).equals("status=AWAITING_TRAINER")), "grading in progress: " + recovery);
        List<List<String>> orderings = rows.stream().filter(r -> r.get(0).equals("source_id=m6-x-hostility")).toList();
        assertEquals(2, orderings.size());
        assertTrue(orderings.stream().noneMatch(r -> r.get(4).equals("response=null")), "both orderings saved: " + orderings);
        List<List<String>> rolePlay = rows.stream().filter(r -> r.get(0).equals("source_id=m6-x-roleplay-roaming")).toList();
        assertEquals(1, rolePlay.size());
        assertNotNull(rolePlay.get(0).get(4));
        assertFalse(rolePlay.get(0).get(4).equals("response=null"), "the role-play turns saved: " + rolePlay);
        List<List<String>> plan = rows.stream().filter(r -> r.get(0).startsWith("status=")).toList();
        assertEquals(1, plan.size(), all);
        assertTrue(plan.get(0).get(0).equals("status=DRAFT"), plan.toString());
        for (String field : List.of("what", "why", "when")) {
            assertTrue(plan.get(0).toString().contains("Goal " + field + ":"), plan.toString());
        }
    }
}
