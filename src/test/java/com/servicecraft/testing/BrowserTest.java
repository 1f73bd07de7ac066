package com.servicecraft.testing;

import org.junit.jupiter.api.Assumptions;

/** Browser tests need Debian's chromium; on a machine without it they are skipped, never in CI. */
public final class BrowserTest {
    private BrowserTest() {
    }

    public static void requireBrowser() {
        if (!Browser.isAvailable()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("chromium/chromedriver not installed");
        }
    }

    /** Signs in through the login page. */
    public static void signIn(Browser b, String username, String password) {
        b.open("/login.xhtml");
        b.type("loginForm:username", username).type("loginForm:password", password).submit("loginForm:signIn");
    }

    /** Signs in a demo person (password servicecraft-demo) and waits for the home page. */
    public static void signInAs(Browser b, String username) {
        signIn(b, username, "servicecraft-demo");
        b.waitForPath("/index.xhtml");
    }

    public static void signOut(Browser b) {
        b.script("document.getElementById('navForm:signOut').click()");
        b.waitForPath("/login.xhtml");
    }
}
