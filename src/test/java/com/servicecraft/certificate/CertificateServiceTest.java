package com.servicecraft.certificate;

import com.servicecraft.reporting.RecordsFixture;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificates are issued once to whoever completed the course, also when two nodes race. */
class CertificateServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theTraineeWhoCompletedGetsOneCertificateEvenWhenTwoNodesIssueAtOnce(Kind kind) throws Exception {
        var db = TestDatabases.get(kind);
        try (var fx = new RecordsFixture(db)) {
            var s = fx.scene();
            CertificateService node1 = new CertificateService(db, () -> Optional.of(RecordsFixture.SHAPE), CLOCK, 24);
            CertificateService node2 = new CertificateService(db, () -> Optional.of(RecordsFixture.SHAPE), CLOCK, 24);

            var pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 1; round <= 10; round++) {
                    if (round > 1) {
                        deleteCertificates(db);
                    }
                    Callable<Integer> a = node1::issuePending;
                    Callable<Integer> b = node2::issuePending;
                    var fa = pool.submit(a);
                    var fb = pool.submit(b);
                    assertEquals(1, fa.get() + fb.get(), "only 张伟 completed the course (round " + round + ")");
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(0, node1.issuePending(), "idempotent");

            Certificate c = node1.forUser(s.zhang()).orElseThrow();
            assertTrue(c.number().matches("SC-2026-[2-9A-HJ-NP-Z]{10}"), c.number());
            assertEquals("张伟", c.holderName());
            assertEquals(90.0, c.score());
            assertEquals(LocalDate.parse("2028-11-22"), c.validUntil());
            assertEquals(c, node1.find(c.number().toLowerCase()).orElseThrow());
            assertTrue(node1.forUser(s.mal()).isEmpty());
            assertTrue(node1.find("SC-NOPE").isEmpty());

            assertTrue(c.isValidOn(LocalDate.parse("2028-11-22")));
            assertFalse(c.isValidOn(LocalDate.parse("2028-11-23")));
            assertEquals(0, node1.dueForRecertification(LocalDate.parse("2028-01-01"), null).size());
            assertEquals(1, node1.dueForRecertification(LocalDate.parse("2028-12-01"), null).size());
            assertEquals(0, node1.dueForRecertification(LocalDate.parse("2028-12-01"), java.util.Set.of(s.service())).size(),
                    "a scoped officer sees only their departments");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theHolderIsToldOnceWhenTheCertificateIsIssued(Kind kind) throws Exception {
        var db = TestDatabases.get(kind);
        try (var fx = new RecordsFixture(db)) {
            var s = fx.scene();
            fx.exec("DELETE FROM notification");
            CertificateService node = new CertificateService(db, () -> Optional.of(RecordsFixture.SHAPE), CLOCK, 24,
                    new CertificateNotice(db, CLOCK)::send);

            assertEquals(1, node.issuePending());
            assertEquals(0, node.issuePending());

            String number = node.forUser(s.zhang()).orElseThrow().number();
            try (var c = db.dataSource().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT user_id, kind, params FROM notification")) {
                assertTrue(rs.next(), "a notice for the holder");
                assertEquals(s.zhang(), rs.getLong(1));
                assertEquals("CERTIFICATE_ISSUED", rs.getString(2));
                assertTrue(rs.getString(3).contains(number), rs.getString(3));
                assertFalse(rs.next(), "one notice, not one per run");
            }
        }
    }

    private static void deleteCertificates(com.servicecraft.shared.persistence.Database db) throws Exception {
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM certificate");
        }
    }
}
