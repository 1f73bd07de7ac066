package com.servicecraft.assignment;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.Map;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trainer forms a group, assigns two modules with a due date; a trainee sees them at home, reads a
 * lesson, and the trainer's dashboard shows it. Another trainer and a trainee who change ids get nothing.
 */
class TrainerAssignsModulesToAGroupIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        // Reading time off (factor 0): these tests are about progress, not about how long a lesson takes.
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_READING_TIME_FACTOR", "0"));
    }

    @Test
    void aTrainerAssignsTwoModulesAndFollowsATraineesProgress() {
        String due = LocalDate.now().plusDays(7).toString();
        String groupPath;
        try (Browser trainer = new Browser(server, "en")) {
            signInAs(trainer, "trainer1");
            trainer.submit("langForm:toEn");
            trainer.open("/trainer/groups.xhtml");
            trainer.type("createForm:name", "November hotline cohort");
            trainer.click("createForm:create");
            trainer.waitForPath("/trainer/group.xhtml");
            groupPath = trainer.path();
            assertEquals("November hotline cohort", trainer.text("#groupName"));

            for (String who : new String[]{"t021", "t022"}) {
                trainer.type("searchForm:search", who);
                trainer.click("searchForm:find");
                trainer.click("searchForm:found:0:add");
                trainer.waitForText("Added 1 trainee(s)");
            }
            assertEquals(2, trainer.driver().findElements(By.cssSelector("[id='memberForm:members_data'] tr")).size());
            assertEquals("Members (2)", trainer.text("#membersHeading"), "the count follows without a reload");

            tick(trainer, "m1-etiquette");
            tick(trainer, "m2-service-marketing");
            WebElement dueInput = trainer.byId("assignForm:due_input");
            dueInput.clear();
            dueInput.sendKeys(due, Keys.ESCAPE);
            trainer.waitForOverlaysClosed();
            trainer.click("assignForm:assign");
            trainer.waitForText("2 assignment(s) created");
            String assigned = trainer.text("[id='assignForm:assignments']");
            assertTrue(assigned.contains(due) && assigned.contains("Active"), assigned);
            trainer.screenshot("trainer-group");
        }

        try (Browser trainee = new Browser(server, "en")) {
            signInAs(trainee, "t021");
            trainee.submit("langForm:toEn");
            WebElement m1 = trainee.find("li.sc-assigned-item[data-module='m1-etiquette']");
            assertTrue(m1.getText().contains("Not started"), m1.getText());
            assertTrue(m1.getText().contains(due), m1.getText());
            assertTrue(trainee.find("li.sc-assigned-item[data-module='m2-service-marketing']").getText().contains(due));
            assertTrue(trainee.text("#notices").contains("New assignment"), "the assignment's notification is listed");

            m1.findElement(By.cssSelector("a.sc-continue-step")).click();
            trainee.waitForPath("/learn/lesson.xhtml");
            trainee.click("lessonForm:markRead");
            trainee.waitForPath("/learn/lesson.xhtml");
            trainee.open("/index.xhtml");
            assertTrue(trainee.text("li.sc-assigned-item[data-module='m1-etiquette']").contains("In progress"));
            trainee.screenshot("trainee-home");

            trainee.open("/trainer/groups.xhtml");
            assertTrue(trainee.pageText().contains("无权访问") || trainee.pageText().contains("Access denied"), "trainees may not enter");
        }

        String groupId = groupPath.replaceAll(".*id=(\\d+).*", "$1");
        String traineeLink;
        try (Browser trainer = new Browser(server, "en")) {
            signInAs(trainer, "trainer1");
            trainer.submit("langForm:toEn");
            trainer.open("/trainer/dashboard.xhtml?group=" + groupId);
            assertEquals("2", trainer.text("#memberCount"));
            trainer.screenshot("trainer-dashboard");
            WebElement row = trainer.driver().findElements(By.cssSelector("[id$='trainees_data'] tr")).stream()
                    .filter(r -> r.getText().contains("E0021")).findFirst().orElseThrow();
            String bar = row.findElement(By.cssSelector(".ui-progressbar-label")).getText();
            assertFalse(bar.equals("0%"), "t021 has read a lesson: " + bar);
            String m1 = trainer.driver().findElements(By.cssSelector("[id$='modules_data'] tr")).stream()
                    .filter(r -> r.getText().contains("Etiquette") || r.getText().contains("etiquette")).findFirst().orElseThrow().getText();
            assertFalse(m1.contains(" 0 %"), "lessons read in the etiquette module: " + m1);
            traineeLink = row.findElement(By.cssSelector("a")).getAttribute("href");
            trainer.driver().get(traineeLink);
            trainer.waitForPage();
            assertTrue(trainer.text("#traineeName").length() > 0);
            trainer.screenshot("trainer-trainee");
        }

        String traineePath = traineeLink.substring(server.baseUrl().length());
        try (Browser intruder = new Browser(server, "en")) {
            signInAs(intruder, "trainer2");
            for (String path : new String[]{groupPath, "/trainer/dashboard.xhtml?group=" + groupId, traineePath}) {
                intruder.open(path);
                assertTrue(intruder.pageText().contains("无权访问") || intruder.pageText().contains("Access denied"),
                        "trainer2 may not open " + path + ":\n" + intruder.pageText());
                assertFalse(intruder.pageText().contains("November hotline cohort"));
            }
        }

        try (Browser trainer = new Browser(server, "en")) {
            signInAs(trainer, "trainer1");
            trainer.submit("langForm:toEn");
            trainer.open(groupPath);
            trainer.confirmAndSubmit("groupForm:archive", "memberForm:confirmYes");
            trainer.waitForPath("/trainer/groups.xhtml");
            trainer.waitForText("was archived");
            assertFalse(trainer.text("[id='groups']").contains("November hotline cohort"), "archived groups leave the list");
            trainer.find("[id='archivedForm:archivedGroups'] legend").click();
            new org.openqa.selenium.support.ui.WebDriverWait(trainer.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> trainer.byId("archivedForm:archived:0:restore").isDisplayed());
            assertTrue(trainer.text("[id='archivedForm:archived']").contains("November hotline cohort"));
            trainer.submit("archivedForm:archived:0:restore");
            trainer.waitForText("The group was restored.");
            assertTrue(trainer.text("[id='groups']").contains("November hotline cohort"));
        }
    }

    @Test
    void aTrainerCannotAddAnotherTrainersTraineeFromAnotherDepartmentNorReadTheirRecordAfterwards() throws Exception {
        // t031 works in After-sales and trains in trainer2's group; trainer1 works in Sales.
        server.group("Late shift", "trainer2", "t031");
        long t031 = userId("t031");
        try (Browser trainer = new Browser(server, "en")) {
            signInAs(trainer, "trainer1");
            trainer.submit("langForm:toEn");
            trainer.open("/trainer/groups.xhtml");
            trainer.type("createForm:name", "Poaching attempt");
            trainer.click("createForm:create");
            trainer.waitForPath("/trainer/group.xhtml");
            trainer.type("searchForm:search", "t031");
            trainer.click("searchForm:find");
            trainer.click("searchForm:found:0:add");
            trainer.waitForText("Nothing was added");
            String name = displayName("t031");
            assertTrue(trainer.pageText().contains(name + " (1 trainee(s))"), "the refusal names the trainee:\n" + trainer.pageText());
            assertTrue(trainer.pageText().contains("The group has no members yet."));

            trainer.open("/trainer/trainee.xhtml?user=" + t031);
            assertTrue(trainer.pageText().contains("Access denied"), "no record after a refusal:\n" + trainer.pageText());
            assertFalse(trainer.pageText().contains(name));
        }
    }

    private static long userId(String username) throws Exception {
        return Long.parseLong(column("id", username));
    }

    private static String displayName(String username) throws Exception {
        return column("display_name", username);
    }

    private static String column(String column, String username) throws Exception {
        try (java.sql.Connection c = server.database();
             java.sql.PreparedStatement ps = c.prepareStatement("select " + column + " from app_user where username = ?")) {
            ps.setString(1, username);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Ticks a module in the assignment form by its id. */
    private static void tick(Browser b, String moduleId) {
        WebElement input = b.driver().findElement(By.cssSelector("[id='assignForm:modules'] input[value='" + moduleId + "']"));
        b.find("label[for='" + input.getAttribute("id") + "']").click();
    }
}
