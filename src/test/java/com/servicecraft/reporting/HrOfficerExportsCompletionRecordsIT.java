package com.servicecraft.reporting;

import com.servicecraft.shared.persistence.DatabaseSettings;
import com.servicecraft.testing.Browser;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HR officer filters the completion records, sees the totals and downloads the filtered export. */
class HrOfficerExportsCompletionRecordsIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true"));
        try (Connection c = DriverManager.getConnection(DatabaseSettings.h2FileUrl(server.dataDir().resolve("servicecraft")), "sa", "");
             Statement st = c.createStatement()) {
            for (String t : new String[] {"t001", "t002"}) {
                long u;
                try (ResultSet rs = st.executeQuery("SELECT id FROM app_user WHERE username = '" + t + "'")) {
                    rs.next();
                    u = rs.getLong(1);
                }
                st.execute("INSERT INTO assignment (group_id, user_id, module_id, start_date, due_date, status, created_by, created_at,"
                        + " updated_at, version) VALUES (NULL, " + u + ", NULL, DATE '2026-10-01', DATE '2026-10-31', 'ACTIVE', " + u
                        + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            }
        }
    }

    @Test
    void theOfficerFiltersToTheCourseRowsAndDownloadsThemAsCsv() throws Exception {
        try (Browser b = new Browser(server, "en")) {
            signInAs(b, "hr1");
            b.submit("langForm:toEn");
            b.open("/hr/completions.xhtml");
            assertEquals("18", b.text("#totalRows"), "2 trainees × (8 modules + the course)");
            assertTrue(b.pageText().contains("Overdue: 18"), b.pageText());

            b.script("PrimeFaces.widgets['widget_recordsForm_module'].selectValue('COURSE')");
            b.click("recordsForm:apply");
            b.waitForText("Rows: 2");
            String href = b.byId("recordsForm:exportCsv").getAttribute("href");
            assertTrue(href.contains("format=csv") && href.contains("module=COURSE"), href);

            Cookie session = b.driver().manage().getCookieNamed("SC_SESSION");
            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "SC_SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("completions-"));
            String[] lines = csv.body().split("\r\n");
            assertEquals(3, lines.length, csv.body());
            assertTrue(lines[0].startsWith("\uFEFFEmployee number,Name,Department"), lines[0]);
            assertTrue(lines[1].contains(",COURSE,") && lines[1].contains("Overdue"), lines[1]);

            b.open("/hr/audit.xhtml");
            b.waitForText("export.csv");
            assertTrue(b.pageText().contains("module=COURSE"), b.pageText());
        }
    }
}
