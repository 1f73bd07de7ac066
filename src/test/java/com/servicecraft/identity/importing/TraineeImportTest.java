package com.servicecraft.identity.importing;

import com.servicecraft.identity.AuthenticationService;
import com.servicecraft.identity.DepartmentService;
import com.servicecraft.identity.HashBudget;
import com.servicecraft.identity.PasswordHasher;
import com.servicecraft.identity.SignInResult;
import com.servicecraft.identity.TemporaryCredential;
import com.servicecraft.identity.TemporaryPasswords;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraineeImportTest {
    static final String THREE_GOOD_TWO_BAD = "\uFEFFemployee_number,display_name,email,department,job_title\r\n"
            + "E5001,王磊,wang.lei@example.com,热线中心,客服专员\r\n"
            + "E5002,李娜,li.na@example.com,热线中心,客服专员\r\n"
            + "E5003,\"Smith, Anna\",anna@example.com,,\"Team lead\nnight shift\"\r\n"
            + "E5001,张强,zhang.qiang@example.com,,\r\n"
            + "E5005,赵丽,not-an-email,,\r\n";

    private TraineeImport service(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("login_throttle", "user_role", "app_user", "department", "setup_marker"));
        Transactions tx = new Transactions(db.entityManagerFactory());
        new DepartmentService(tx, Clock.systemUTC(), TestUsers.admin()).create("热线中心");
        return new TraineeImport(tx, new PasswordHasher(1_000), Clock.systemUTC(), TestUsers.admin(), new TemporaryPasswords(Duration.ofDays(7)));
    }

    private static long traineeCount(Kind kind) {
        return new Transactions(TestDatabases.get(kind).entityManagerFactory())
                .read(em -> em.createQuery("select count(u) from User u", Long.class).getSingleResult());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFileWithBadRowsShowsEachProblemAndImportsNothing(Kind kind) throws Exception {
        TraineeImport importer = service(kind);
        List<ImportRow> rows = importer.check(TraineeFileReader.read("people.csv",
                new ByteArrayInputStream(THREE_GOOD_TWO_BAD.getBytes(StandardCharsets.UTF_8))));

        assertEquals(5, rows.size());
        assertTrue(rows.get(0).isValid(), "the first row with E5001 is fine");
        assertTrue(rows.get(1).isValid());
        assertEquals("Team lead\nnight shift", rows.get(2).getJobTitle(), "quoted multi-line cell");
        assertEquals(List.of("import.error.employeeNumberDuplicate"), rows.get(3).getErrors());
        assertEquals(List.of("import.error.emailBad"), rows.get(4).getErrors());
        assertEquals(6, rows.get(4).getLine());

        assertThrows(UserInputException.class, () -> importer.importAll(rows));
        assertEquals(0, traineeCount(kind));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCleanFileImportsEveryRow(Kind kind) throws Exception {
        TraineeImport importer = service(kind);
        String fixed = THREE_GOOD_TWO_BAD.replace("E5001,张强", "E5004,张强").replace("not-an-email", "zhao.li@example.com");
        List<ImportRow> rows = importer.check(TraineeFileReader.read("people.csv",
                new ByteArrayInputStream(fixed.getBytes(StandardCharsets.UTF_8))));

        assertTrue(rows.stream().allMatch(ImportRow::isValid), () -> rows.get(0).getErrors().toString());
        List<TemporaryCredential> issued = importer.importAll(rows);
        assertEquals(5, issued.size());
        assertEquals(5, traineeCount(kind));
        assertEquals(5, issued.stream().map(TemporaryCredential::password).distinct().count(), "everybody gets their own password");
        assertEquals(List.of("E5001", "E5002", "E5003", "E5004", "E5005"), issued.stream().map(TemporaryCredential::username).toList());

        Transactions tx = new Transactions(TestDatabases.get(kind).entityManagerFactory());
        AuthenticationService auth = new AuthenticationService(tx, new PasswordHasher(1_000), Clock.systemUTC(),
                new HashBudget(Clock.systemUTC(), 1_000, 1_000, 1_000, 1_000));
        assertInstanceOf(SignInResult.Rejected.class, auth.signIn("E5002", issued.get(0).password().toCharArray(), "10.0.0.1"),
                "a colleague's temporary password does not open another account");
        SignInResult own = auth.signIn("E5002", issued.get(1).password().toCharArray(), "10.0.0.1");
        assertTrue(own instanceof SignInResult.Success s && s.mustChangePassword(), "the own one does, and must be changed");
        // The same file again: every employee number now exists.
        List<ImportRow> again = importer.check(TraineeFileReader.read("people.csv",
                new ByteArrayInputStream(fixed.getBytes(StandardCharsets.UTF_8))));
        assertTrue(again.stream().allMatch(r -> r.getErrors().contains("import.error.employeeNumberExists")));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNameWithALineBreakIsRefused(Kind kind) throws Exception {
        TraineeImport importer = service(kind);
        String csv = "employee_number,display_name,email\r\nE8001,\"王磊\r\nINFO: forged\",wang@example.com\r\n";
        List<ImportRow> rows = importer.check(TraineeFileReader.read("people.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of("import.error.controlCharacters"), rows.get(0).getErrors());
    }

    @Test
    void xlsxWithChineseHeadersIsRead() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("学员");
            String[][] cells = {{"工号", "姓名", "邮箱", "部门"}, {"E6001", "孙悦", "sun.yue@example.com", "热线中心"}};
            for (int r = 0; r < cells.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            sheet.createRow(2).createCell(0).setCellValue(6002);
            wb.write(out);
            xlsx = out.toByteArray();
        }
        List<ImportRow> rows = TraineeFileReader.read("学员.xlsx", new ByteArrayInputStream(xlsx));
        assertEquals("孙悦", rows.get(0).getDisplayName());
        assertEquals("热线中心", rows.get(0).getDepartment());
        assertEquals("6002", rows.get(1).getEmployeeNumber(), "a numeric cell reads as the number, not 6002.0");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRejectedAsAWhole() {
        UserInputException e = assertThrows(UserInputException.class, () -> TraineeFileReader.read("x.csv",
                new ByteArrayInputStream("name,mail\nA,a@b.c\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("import.missingColumn", e.messageKey());
        assertThrows(UserInputException.class, () -> TraineeFileReader.read("x.txt", new ByteArrayInputStream(new byte[0])));
    }
}
