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
import java.util.Map;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signIn;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator imports a trainee list, fixes its mistakes, and imports it. */
class ImportTraineesIT {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.withEnvironment(Map.of("SERVICECRAFT_ADMIN_PASSWORD", "admin-password-1")).start();
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
            signIn(b, "admin", "admin-password-1");
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
            b.type("importForm:initialPassword", "first-password-1");
            b.click("importForm:confirm");
            b.waitForText("5 trainee(s) were imported");

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
            b.type("importForm:initialPassword", "first-password-1");
            b.click("importForm:confirm");
            b.waitForText("1 trainee(s) were imported");

            b.open("/admin/users.xhtml");
            b.type("usersForm:query", "E71");
            b.waitForText("钱明");
        }
    }

    private static void upload(Browser b, Path file) {
        WebElement input = b.driver().findElement(By.cssSelector("input[type='file']"));
        input.sendKeys(file.toAbsolutePath().toString());
        b.waitForPage();
    }
}
