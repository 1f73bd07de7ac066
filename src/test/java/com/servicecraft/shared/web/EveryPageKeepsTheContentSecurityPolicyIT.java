package com.servicecraft.shared.web;

import com.servicecraft.access.AccessRules;
import com.servicecraft.identity.Role;
import com.servicecraft.testing.Browser;
import com.servicecraft.testing.QuizDriver;
import com.servicecraft.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.servicecraft.testing.BrowserTest.requireBrowser;
import static com.servicecraft.testing.BrowserTest.signIn;
import static com.servicecraft.testing.BrowserTest.signInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chromium visits every page each role may open (and a quiz attempt, whose questions autosave)
 * under the full Content-Security-Policy, and the test fails on any violation it logs.
 */
class EveryPageKeepsTheContentSecurityPolicyIT {
    private static final String ADMIN_PASSWORD = "tea-and-river-stones-1";
    /** Pages that need an id; the quiz below opens the attempt page with one. */
    private static final Set<String> NEED_PARAMETERS = Set.of("/learn/attempt.xhtml", "/learn/result.xhtml", "/learn/lesson.xhtml",
            "/trainer/group.xhtml", "/trainer/trainee.xhtml", "/setup.xhtml");

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireBrowser();
        server = TestServer.shared(Map.of("SERVICECRAFT_DEMO", "true", "SERVICECRAFT_ADMIN_PASSWORD", ADMIN_PASSWORD));
    }

    @Test
    void thePolicyIsComplete() throws Exception {
        String policy = server.get("/login.xhtml").headers().firstValue("Content-Security-Policy").orElse("");
        for (String directive : List.of("default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
                "frame-ancestors 'none'", "img-src 'self' data:", "style-src ", "script-src 'self' 'nonce-")) {
            assertTrue(policy.contains(directive), directive + " in " + policy);
        }
        assertTrue(!policy.contains("unsafe-eval") && !policy.replaceAll("style-src[^;]*;", "").contains("unsafe-inline"),
                "scripts never inline without a nonce: " + policy);
        String pdfPolicy = server.get("/health").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(pdfPolicy.startsWith("default-src 'none'"), pdfPolicy);
    }

    @Test
    void noPageOfAnyRoleViolatesThePolicy() {
        List<String> violations = new ArrayList<>();
        try (Browser b = new Browser(server, "en")) {
            visit(b, "/login.xhtml", violations);
            visit(b, "/no-such-page.xhtml", violations);
            signIn(b, "admin", ADMIN_PASSWORD);
            b.waitForPath("/index.xhtml");
            visitAllOf(b, EnumSet.of(Role.ADMIN), violations);
        }
        for (String[] person : new String[][]{{"trainer1", "TRAINER"}, {"hr1", "HR"}, {"t001", "TRAINEE"}}) {
            try (Browser b = new Browser(server, "zh-CN")) {
                signInAs(b, person[0]);
                visitAllOf(b, EnumSet.of(Role.valueOf(person[1])), violations);
                if (person[0].equals("t001")) {
                    QuizDriver quiz = QuizDriver.start(b, "/learn/quiz.xhtml?postTest=true");
                    quiz.answerAll();
                    record(b, "quiz attempt", violations);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    private static void visitAllOf(Browser b, Set<Role> roles, List<String> violations) {
        for (String path : new TreeSet<>(AccessRules.listedPaths().keySet())) {
            AccessRules.Access access = AccessRules.accessFor(path).orElseThrow();
            if (path.endsWith(".xhtml") && access.signInNeeded() && access.allows(roles) && !NEED_PARAMETERS.contains(path)) {
                visit(b, path, violations);
            }
        }
    }

    private static void visit(Browser b, String path, List<String> violations) {
        b.open(path);
        record(b, path, violations);
    }

    private static void record(Browser b, String where, List<String> violations) {
        b.consoleMessages().stream().filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .forEach(m -> violations.add(where + ": " + m));
    }
}
