package com.servicecraft.lti;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool's signing keys: made once, shared through the database, rotated with the old key published for a day. */
class ToolKeysTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRotatedKeyStaysPublishedForADayAndNoPrivatePartIsEverPublished(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("lti_tool_key"));
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        ToolKeys node1 = new ToolKeys(db, clock);
        ToolKeys node2 = new ToolKeys(db, clock);
        node1.ensureSigningKey();
        node2.ensureSigningKey();
        assertEquals(1, node1.keys().size(), "the second node uses the first node's key");
        String first = node2.signingKey().getKeyID();

        clock.advance(Duration.ofMinutes(1));
        String second = node1.rotate();
        assertNotEquals(first, second);
        assertEquals(second, node2.signingKey().getKeyID(), "every node signs with the new key at once");
        JWKSet published = node2.publicKeySet();
        assertEquals(List.of(second, first), published.getKeys().stream().map(JWK::getKeyID).toList());
        assertTrue(published.getKeys().stream().noneMatch(JWK::isPrivate));
        assertFalse(published.toString(false).contains("\"d\""), "no private exponent in the published set");

        clock.advance(ToolKeys.RETIRED_PUBLISHED.plusMinutes(1));
        assertEquals(List.of(second), node1.publicKeySet().getKeys().stream().map(JWK::getKeyID).toList());
    }
}
