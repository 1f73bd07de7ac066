package com.servicecraft.api;

import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An API call (a GET) only reads its token; "last used" is written at most once a minute and never waited for. */
class ApiTokenServiceTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final String TOKEN = "sc_test-token-for-the-api-0123456789";

    private final MutableClock clock = new MutableClock(T0);
    private Transactions tx;
    private ApiTokenService tokens;
    private long hr;

    private void setUp(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("api_token", "app_user"));
        tx = new Transactions(db.entityManagerFactory());
        hr = tx.inTransaction(em -> {
            User u = new User(new UserProfile("hr", "E-hr", "hr", "hr@example.com", null, null, Language.EN),
                    EnumSet.of(Role.HR), "pbkdf2-sha256$1$AAAA$AAAA", T0);
            em.persist(u);
            em.flush();
            return u.getId();
        });
        tokens = new ApiTokenService(tx, clock, TestUsers.signedIn(hr, "hr", Role.HR));
        tokens.storeKnown("reporting", TOKEN, Set.of(ApiScope.COMPLETIONS_READ), hr);
    }

    private Instant lastUsed() {
        return tx.read(em -> em.createQuery("select t.lastUsedAt from ApiToken t", Instant.class).getSingleResult());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void lastUsedIsRecordedAtMostOnceAMinute(Kind kind) {
        setUp(kind);
        assertTrue(tokens.verify(TOKEN).isPresent());
        assertEquals(T0, lastUsed());
        clock.advance(Duration.ofSeconds(30));
        assertTrue(tokens.verify(TOKEN).isPresent());
        assertEquals(T0, lastUsed(), "used again within the minute: nothing written");
        clock.advance(Duration.ofSeconds(31));
        assertTrue(tokens.verify(TOKEN).isPresent());
        assertEquals(T0.plusSeconds(61), lastUsed());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twentyParallelCallsWithOneTokenAllPass(Kind kind) throws Exception {
        setUp(kind);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<ApiTokenService.Caller>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return tokens.verify(TOKEN);
                }));
            }
            go.countDown();
            for (Future<Optional<ApiTokenService.Caller>> call : calls) {
                assertEquals(hr, call.get(60, TimeUnit.SECONDS).orElseThrow().userId());
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(120, TimeUnit.SECONDS);
        }
        assertEquals(T0, lastUsed());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCallDoesNotWaitWhileAnotherTransactionHoldsTheTokensRow(Kind kind) throws Exception {
        setUp(kind);
        tokens.verify(TOKEN);
        clock.advance(Duration.ofSeconds(10));
        EntityManager holder = tx.entityManagerFactory().createEntityManager();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            holder.getTransaction().begin();
            assertEquals(1, holder.createNativeQuery("update api_token set name = name").executeUpdate());
            // A blocked call would wait for the lock timeout and then fail.
            Future<Optional<ApiTokenService.Caller>> call = other.submit(() -> tokens.verify(TOKEN));
            assertTrue(call.get(30, TimeUnit.SECONDS).isPresent());
        } finally {
            holder.getTransaction().rollback();
            holder.close();
            other.shutdown();
            other.awaitTermination(120, TimeUnit.SECONDS);
        }
    }
}
