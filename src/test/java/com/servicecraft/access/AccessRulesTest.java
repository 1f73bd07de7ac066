package com.servicecraft.access;

import com.servicecraft.identity.Role;
import jakarta.servlet.annotation.WebServlet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access list is complete (a new page or servlet without a rule fails the build) and says what we mean. */
class AccessRulesTest {
    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void everyViewHasARule() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            files.filter(f -> f.toString().endsWith(".xhtml")).map(f -> "/" + WEBAPP.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("/WEB-INF/"))
                    .filter(p -> AccessRules.accessFor(p).isEmpty()).forEach(missing::add);
        }
        assertEquals(List.of(), missing, "views without a rule in AccessRules");
    }

    @Test
    void everyServletMappingHasARule() throws Exception {
        List<String> mappings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = CLASSES.relativize(f).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
                WebServlet servlet = Class.forName(name, false, getClass().getClassLoader()).getAnnotation(WebServlet.class);
                if (servlet != null) {
                    mappings.addAll(List.of(servlet.value()));
                    mappings.addAll(List.of(servlet.urlPatterns()));
                }
            }
        }
        assertTrue(mappings.size() >= 10, "found the servlets: " + mappings);
        assertFalse(mappings.contains("/bench/write"), "the benchmark's bare write is not part of the product");
        List<String> missing = mappings.stream()
                .map(m -> m.endsWith("/*") ? m.substring(0, m.length() - 1) + "x" : m)
                .filter(p -> AccessRules.accessFor(p).isEmpty()).toList();
        assertEquals(List.of(), missing, "servlet mappings without a rule in AccessRules");
    }

    @Test
    void everyListedViewExists() {
        List<String> stale = AccessRules.listedPaths().keySet().stream().filter(p -> p.endsWith(".xhtml"))
                .filter(p -> !Files.exists(WEBAPP.resolve(p.substring(1)))).toList();
        assertEquals(List.of(), stale, "rules for views that do not exist");
    }

    @Test
    void rolesOfTheSections() {
        assertEquals(EnumSet.of(Role.ADMIN), AccessRules.accessFor("/admin/users.xhtml").orElseThrow().roles());
        assertEquals(EnumSet.of(Role.ADMIN), AccessRules.accessFor("/admin/import-template.csv").orElseThrow().roles());
        assertEquals(EnumSet.of(Role.TRAINER, Role.ADMIN), AccessRules.accessFor("/trainer/index.xhtml").orElseThrow().roles());
        assertEquals(EnumSet.of(Role.HR, Role.ADMIN), AccessRules.accessFor("/hr/completions.xhtml").orElseThrow().roles());
        assertEquals(EnumSet.of(Role.HR, Role.ADMIN), AccessRules.accessFor("/hr/export/completions").orElseThrow().roles());
        assertTrue(AccessRules.accessFor("/index.xhtml").orElseThrow().signInNeeded());
        assertTrue(AccessRules.accessFor("/account/password.xhtml").orElseThrow().signInNeeded());
        assertTrue(AccessRules.accessFor("/learn/media/m1/a.png").orElseThrow().signInNeeded());
    }

    @Test
    void publicPaths() {
        for (String p : List.of("/login.xhtml", "/setup.xhtml", "/health", "/jakarta.faces.resource/core.js.xhtml",
                "/resources/css/app.css", "/verify/SC-1", "/error/404.xhtml")) {
            assertFalse(AccessRules.accessFor(p).orElseThrow().signInNeeded(), p);
        }
    }

    @Test
    void unlistedPathsHaveNoRule() {
        for (String p : List.of("/hr/index.xhtml", "/Admin/users.xhtml", "/admin/users.xhtml/", "/admin/", "/WEB-INF/web.xml",
                "/verify", "/learn/media/", "/index.xhtml.bak", "/admin/users")) {
            assertTrue(AccessRules.accessFor(p).isEmpty(), p);
        }
    }

    @Test
    void accessAllowsByRole() {
        AccessRules.Access admin = AccessRules.accessFor("/admin/users.xhtml").orElseThrow();
        assertTrue(admin.allows(EnumSet.of(Role.ADMIN)));
        assertFalse(admin.allows(EnumSet.of(Role.TRAINER, Role.HR, Role.TRAINEE)));
        assertFalse(admin.allows(null));
        assertTrue(AccessRules.Access.SIGNED_IN.allows(EnumSet.noneOf(Role.class)));
        assertFalse(AccessRules.Access.SIGNED_IN.allows(null));
        assertTrue(AccessRules.Access.PUBLIC.allows(null));
    }
}
