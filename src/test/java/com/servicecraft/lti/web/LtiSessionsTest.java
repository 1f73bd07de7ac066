package com.servicecraft.lti.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The session cookie of a launch works in a third-party frame. */
class LtiSessionsTest {
    @Test
    void theSessionCookieBecomesSecurePartitionedAndCrossSite() {
        assertEquals("SC_SESSION=abc.node0; Path=/; HttpOnly; Secure; SameSite=None; Partitioned",
                LtiSessions.crossSite("SC_SESSION=abc.node0; Path=/; HttpOnly; SameSite=Lax"));
        assertEquals("SC_SESSION=abc; Path=/app; HttpOnly; Secure; SameSite=None; Partitioned",
                LtiSessions.crossSite("SC_SESSION=abc; Path=/app; Secure; HttpOnly; SameSite=Strict"));
    }
}
