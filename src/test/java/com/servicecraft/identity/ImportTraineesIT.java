package com.servicecraft.identity;

import com.servicecraft.testing.Browser;
import com.servicecraft.testing.TestServer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signIn;
import static com.servicecraft.testing.BrowserTest.signOut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator imports a trainee list, fixes its mistakes, and imports it. */
class ImportTraineesIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_ADMIN_PASSWORD", "tea-and-river-stones-1")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFileWithTwoBadRowsShowsBothAndImportsNothingUntilFixed() throws Exception {
        Path dir = Files.createTempDirectory("import");
        Path bad = dir.resolve("trainees.csv");
        Files.writeString(bad, "employee_number,display_name,email\n"
                + "E7001,王磊,wang.lei@example.com\nE7002,李娜,li.na@example.com\nE7003,张强,zhang@example.com\n"
                + "E7001,重复,dup@example.com\nE7005,赵丽,not-an-email\n", StandardCharsets.UTF_8);
        try (Browser b = new Browser(server, "en")) {
            signIn(b, "admin", "tea-and-river-stones-1");
            b.waitForPath("/index.xhtml");
            b.submit("langForm:toEn");
            b.open("/admin/import.xhtml");
            upload(b, bad);
            b.waitForText("2 of 5 row(s) have problems");
            String page = b.pageText();
            assertTrue(page.contains("employee number appears more than once in the file"));
            assertTrue(page.contains("e-mail address is not valid"));
            assertFalse(b.byId("importForm:confirm").isEnabled(), "import is impossible while the file has problems");

            Files.writeString(bad, Files.readString(bad).replace("E7001,重复", "E7004,重复").replace("not-an-email", "zhao@example.com"));
            upload(b, bad);
            b.waitForText("5 row(s) are ready to import");
            b.click("importForm:confirm");
            b.waitForText("5 trainee(s) were imported");
            List<String> passwords = b.driver().findElements(By.cssSelector("code.sc-temp-password")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(5, passwords.size());
            assertEquals(5, passwords.stream().distinct().count(), "every trainee gets their own password");
            String csv = (String) b.script("var f = document.getElementById('credentialsForm');"
                    + " var d = new URLSearchParams(new FormData(f)); d.append('credentialsForm:downloadCredentials', '');"
                    + " return fetch(f.action, {method: 'POST', body: d}).then(r => r.text());");
            // (the browser's text decoding drops the byte-order mark the file starts with)
            assertTrue(csv.startsWith("User name,Employee number,Name,Temporary password,Valid until"), csv);
            for (String p : passwords) {
                assertTrue(csv.contains("," + p + ","), "the CSV has every password");
            }
            assertTrue(csv.contains("E7002,E7002,李娜," + passwords.get(1) + ","), csv);

            Path xlsx = dir.resolve("more.xlsx");
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
                var sheet = wb.createSheet();
                String[][] rows = {{"工号", "姓名", "邮箱"}, {"E7101", "钱明", "qian@example.com"}};
                for (int r = 0; r < rows.length; r++) {
                    for (int c = 0; c < 3; c++) {
                        sheet.createRow(r).createCell(c);
                    }
                }
                for (int r = 0; r < rows.length; r++) {
                    var row = sheet.getRow(r);
                    for (int c = 0; c < 3; c++) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
                wb.write(out);
            }
            upload(b, xlsx);
            b.waitForText("1 row(s) are ready to import");
            b.click("importForm:confirm");
            b.waitForText("1 trainee(s) were imported");

            b.open("/admin/users.xhtml");
            b.type("usersForm:query", "E71");
            b.waitForText("钱明");
            signOut(b);

            signIn(b, "E7002", passwords.get(0));
            assertTrue(b.pageText().contains("The user name or password is not correct."),
                    "a colleague's temporary password does not open another account");
            signIn(b, "E7002", passwords.get(1));
            b.waitForPath("/account/password.xhtml");
        }
    }

    private static void upload(Browser b, Path file) {
        WebElement input = b.driver().findElement(By.cssSelector("input[type='file']"));
        input.sendKeys(file.toAbsolutePath().toString());
        b.waitForPage();
    }
}
