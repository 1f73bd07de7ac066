package com.servicecraft.identity.importing;

import com.servicecraft.identity.TemporaryPasswords;
import com.servicecraft.identity.PasswordHasher;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A name longer than its column is a problem of its row in the preview, not a database error at confirm. */
class OverlongImportFieldsTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void overLongNamesAndTitlesAreFoundBeforeTheDatabaseWouldRefuseThem(Kind kind) throws Exception {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("user_role", "app_user", "department"));
        Transactions tx = new Transactions(db.entityManagerFactory());
        TraineeImport importer = new TraineeImport(tx, new PasswordHasher(1_000), Clock.systemUTC(), TestUsers.admin(),
                new TemporaryPasswords(Duration.ofDays(7)));
        String csv = "employee_number,display_name,email,job_title\n"
                + "E7001," + "王".repeat(121) + ",w@example.com,Agent\n"
                + "E7002,Li Na,l@example.com," + "t".repeat(121) + "\n";

        List<ImportRow> rows = importer.check(TraineeFileReader.read("people.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));

        assertEquals(List.of("import.error.nameTooLong"), rows.get(0).getErrors());
        assertEquals(List.of("import.error.jobTitleTooLong"), rows.get(1).getErrors());
        assertFalse(rows.stream().anyMatch(ImportRow::isValid));
        assertThrows(UserInputException.class, () -> importer.importAll(rows));
        assertEquals(0L, (long) tx.read(em -> em.createQuery("select count(u) from User u", Long.class).getSingleResult()));

        // At the limit the row goes in as it is.
        String fits = "employee_number,display_name,email,job_title\nE7003," + "王".repeat(120) + ",z@example.com," + "t".repeat(120) + "\n";
        List<ImportRow> ok = importer.check(TraineeFileReader.read("people.csv", new ByteArrayInputStream(fits.getBytes(StandardCharsets.UTF_8))));
        assertTrue(ok.get(0).isValid(), () -> ok.get(0).getErrors().toString());
        assertEquals(1, importer.importAll(ok).size());
    }
}
