package com.servicecraft.identity;

import com.servicecraft.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hashing work failed sign-ins may cause per second is capped, per address and per node. */
class HashBudgetTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @Test
    void anAddressThatKeepsFailingIsRefusedUntilItsBudgetRefills() {
        HashBudget budget = new HashBudget(clock, 100, 100, 1, 3);
        for (int i = 0; i < 3; i++) {
            assertTrue(budget.take("addr:203.0.113.9").isEmpty());
        }
        assertEquals(Duration.ofSeconds(1), budget.take("addr:203.0.113.9").orElseThrow());
        assertTrue(budget.take("addr:198.51.100.7").isEmpty(), "another address has its own budget");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(budget.take("addr:203.0.113.9").isEmpty());
    }

    @Test
    void rightPasswordsGiveTheirCheckBack() {
        HashBudget budget = new HashBudget(clock, 100, 100, 1, 2);
        for (int i = 0; i < 10; i++) {
            assertTrue(budget.take("addr:10.0.0.1").isEmpty(), "check " + i);
            budget.giveBack("addr:10.0.0.1");
        }
    }

    @Test
    void theNodeBudgetCapsAllAddressesTogether() {
        HashBudget budget = new HashBudget(clock, 2, 4, 100, 100);
        for (int i = 0; i < 4; i++) {
            assertTrue(budget.take("addr:10.0.0." + i).isEmpty());
        }
        assertEquals(Duration.ofMillis(500), budget.take("addr:10.0.0.99").orElseThrow());
    }
}
