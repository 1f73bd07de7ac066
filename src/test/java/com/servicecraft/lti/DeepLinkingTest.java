package com.servicecraft.lti;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deep-linking items and the signed LtiDeepLinkingResponse a platform checks against the tool's public keys. */
class DeepLinkingTest {

    @Test
    @SuppressWarnings("unchecked")
    void theResponseIsSignedWithThePublishedKeyAndCarriesTheChosenItem() throws Exception {
        Database db = TestDatabases.get(TestDatabases.Kind.H2);
        TestDatabases.clear(db, List.of("lti_tool_key"));
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        ContentRepository content = new ContentRepository(new Transactions(db.entityManagerFactory()), clock, TestUsers.admin());
        content.start(ContentFixture.copyOfSample().root());
        ToolKeys keys = new ToolKeys(db, clock);
        keys.ensureSigningKey();

        List<DeepLinking.Item> items = DeepLinking.items(content.course());
        assertEquals("course", items.get(0).target());
        assertEquals("posttest", items.get(items.size() - 1).target());
        DeepLinking.Item quiz = items.stream().filter(i -> i.target().equals("quiz:sample-a")).findFirst().orElseThrow();
        assertTrue(quiz.graded());
        assertFalse(items.stream().filter(i -> i.kind().equals("lesson")).anyMatch(DeepLinking.Item::graded));

        DeepLinking.Request request = new DeepLinking.Request(1, "client-1", "https://lms.example.com", "dep-1",
                "https://lms.example.com/return", "opaque-data");
        SignedJWT jwt = SignedJWT.parse(DeepLinking.response(request, quiz, "Quiz A", "https://sc.example.com/lti/launch",
                keys.signingKey(), clock));
        RSAKey published = (RSAKey) keys.publicKeySet().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(published)), "verifies with the key in /lti/jwks");
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals("client-1", c.getIssuer());
        assertEquals(List.of("https://lms.example.com"), c.getAudience());
        assertEquals("LtiDeepLinkingResponse", c.getClaim(LaunchValidator.LTI + "message_type"));
        assertEquals("dep-1", c.getClaim(LaunchValidator.LTI + "deployment_id"));
        assertEquals("opaque-data", c.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"));
        Map<String, Object> item = (Map<String, Object>) ((List<Object>) c.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items")).get(0);
        assertEquals("ltiResourceLink", item.get("type"));
        assertEquals(Map.of(LaunchTarget.CUSTOM_PARAMETER, "quiz:sample-a"), item.get("custom"));
        assertTrue(item.containsKey("lineItem"));
    }
}
