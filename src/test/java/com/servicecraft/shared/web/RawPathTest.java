package com.servicecraft.shared.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw paths that could normalise to another path are refused; our own paths pass. */
class RawPathTest {
    @Test
    void plainPathsPass() {
        for (String p : List.of("/", "/index.xhtml", "/admin/users.xhtml", "/jakarta.faces.resource/theme.css.xhtml",
                "/verify/SC-2026-0001", "/learn/media/m1/%E5%9B%BE.png", "/learn/media/m1/a%20b.png", "/resources/css/app.css",
                "/verify/%3Cscript%3E", "/%61dmin/users.xhtml")) {
            assertTrue(RawPath.problem(p).isEmpty(), p);
        }
    }

    @Test
    void traversalAndAmbiguousEncodingsAreRefused() {
        for (String p : List.of("/resources/../admin/content.xhtml", "/account/password.xhtml/../../index.xhtml",
                "/resources/%2e%2e/admin/users.xhtml", "/resources/%2E%2E/admin/users.xhtml", "/resources/.%2e/admin/users.xhtml",
                "/admin%2fusers.xhtml", "/admin%2Fusers.xhtml", "/resources/..%5cadmin/users.xhtml", "/resources\\..\\admin",
                "//admin/users.xhtml", "/admin//users.xhtml", "/admin/users.xhtml;jsessionid=1", "/admin;x/users.xhtml",
                "/admin/users.xhtml%00", "/admin/users.xhtml%3b", "/resources/%252e%252e/admin", "/resources/%c0%ae%c0%ae/admin",
                "/./admin/users.xhtml", "/admin/.", "/a%", "/a%2", "/a%zz", "/admin\tusers", "/admin%09users", "/admin%7f", "admin")) {
            assertTrue(RawPath.problem(p).isPresent(), p);
        }
    }
}
