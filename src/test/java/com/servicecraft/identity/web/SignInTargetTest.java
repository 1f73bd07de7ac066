package com.servicecraft.identity.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** After sign-in the browser goes to a view of this application, never to another site. */
class SignInTargetTest {
    private static final Set<String> VIEWS = Set.of("/index.xhtml", "/admin/users.xhtml", "/trainee/lesson.xhtml",
            "/login.xhtml", "/WEB-INF/templates/admin.xhtml");
    private static final Predicate<String> EXISTS = VIEWS::contains;

    @ParameterizedTest
    @ValueSource(strings = {
            "/.//evil.example/x", "/\t/evil.example", "/\t/evil.example/admin/users.xhtml", "//evil.example",
            "//evil.example/admin/users.xhtml", "\\\\evil.example", "/\\evil.example", "/\\/evil.example/x.xhtml",
            "https://evil.example/", "http://evil.example/admin/users.xhtml", "HTTPS:evil.example", "javascript:alert(1)",
            "JaVaScRiPt:alert(1)", "/%2F%2Fevil.example", "/%2e/%2e/evil.example", "/%5Cevil.example",
            "%2F%2Fevil.example", "/admin/%2e%2e/index.xhtml", "/./admin/users.xhtml", "/admin/../index.xhtml",
            "/admin//users.xhtml", "/admin/users.xhtml#//evil.example", "/ /evil.example", "/\n/evil.example",
            "/\r\nSet-Cookie:x=y", "/\u0000/evil.example", "/\u2028/evil.example", "/\u3000/evil.example",
            "/admin/users.xhtml\r\nLocation: https://evil.example", "evil.example", "admin/users.xhtml", "",
            "/login.xhtml", "/WEB-INF/templates/admin.xhtml", "/no-such-page.xhtml", "/api/v1/catalog",
            "/resources/x.js", "///evil.example", "/\\\\evil.example", "/.\\evil.example", "/..//evil.example"})
    void hostileOrUnknownTargetsGoHome(String next) {
        assertEquals("/index.xhtml", SignInTarget.resolve(next, EXISTS), next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/index.xhtml", "/admin/users.xhtml", "/trainee/lesson.xhtml?module=m1&lesson=2",
            "/trainee/lesson.xhtml?q=%E4%B8%AD"})
    void aViewOfTheApplicationIsFollowed(String next) {
        assertEquals(next, SignInTarget.resolve(next, EXISTS));
    }

    @org.junit.jupiter.api.Test
    void nothingGivenGoesHome() {
        assertEquals("/index.xhtml", SignInTarget.resolve(null, EXISTS));
    }
}
