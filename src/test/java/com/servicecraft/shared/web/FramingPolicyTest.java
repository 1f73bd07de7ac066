package com.servicecraft.shared.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only well-formed origins ever reach frame-ancestors. */
class FramingPolicyTest {
    @Test
    void onlyOriginsAreKept() {
        assertEquals("https://lms.example.com http://127.0.0.1:8080",
                FramingPolicy.clean("https://lms.example.com  http://127.0.0.1:8080 https://lms.example.com"));
        assertEquals("", FramingPolicy.clean("'self' * https://x.example.com/path; script-src data: javascript:alert(1)"));
    }

    @Test
    void theSessionsAncestorsReplaceNone() {
        String policy = "default-src 'self'; frame-ancestors 'none'; img-src 'self'";
        assertEquals("default-src 'self'; frame-ancestors https://lms.example.com; img-src 'self'",
                FramingPolicy.withAncestors(policy, "https://lms.example.com"));
        assertEquals(policy, FramingPolicy.withAncestors(policy, ""));
    }
}
