package com.servicecraft.lti.web;

import com.servicecraft.identity.SignedInUser;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.web.FramingPolicy;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Signs the launched person in, as the sign-in page does (a fresh session id, the account in
 * {@link SignedInUser#SESSION_ATTRIBUTE}, the page language), and makes the session usable inside
 * the platform's frame: the launching platform's origins may frame it ({@link FramingPolicy}), and
 * the session cookie becomes {@code Secure; SameSite=None; Partitioned} (CHIPS). Chromium blocks
 * unpartitioned third-party cookies, so only a partitioned cookie (kept per top-level site: the
 * LMS) survives in the frame; in a new window it works as a first-party cookie. Browsers store a
 * Secure cookie only over https, or over http from localhost; elsewhere over plain http the cookie
 * stays as web.xml sets it ({@code SameSite=Lax}: the launch works in a new window, not in a frame).
 * A browser that refuses the cookie anyway gets {@code /lti/landing}'s "open in a new window" page.
 */
final class LtiSessions {
    private LtiSessions() {
    }

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"RV_RETURN_VALUE_IGNORED_NO_SIDE_EFFECT"},
            justification = "getSession(true) and changeSessionId() are called for their side effect: a session with a fresh id.")
    static void signIn(HttpServletRequest req, HttpServletResponse res, SignedInUser user, Language language, Set<String> frameOrigins) {
        req.getSession(true);
        // A new session id at sign-in: a session id planted before the launch is worthless.
        req.changeSessionId();
        HttpSession session = req.getSession();
        session.removeAttribute(SignedInUser.MUST_CHANGE_PASSWORD);
        session.setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
        String origins = FramingPolicy.clean(String.join(" ", frameOrigins));
        if (origins.isEmpty()) {
            session.removeAttribute(FramingPolicy.SESSION_ATTRIBUTE);
        } else {
            session.setAttribute(FramingPolicy.SESSION_ATTRIBUTE, origins);
        }
        CDI.current().select(LocaleSwitch.class).get().use(language);
        if (crossSiteCookieAllowed(req)) {
            crossSite(res, req.getServletContext().getSessionCookieConfig().getName());
        }
    }

    /**
     * Rewrites the container's Set-Cookie of the session (written at changeSessionId, with the
     * attributes of web.xml) to {@code SameSite=None; Secure}; other cookies stay as they are.
     */
    static void crossSite(HttpServletResponse res, String cookieName) {
        String prefix = (cookieName == null ? "JSESSIONID" : cookieName) + "=";
        List<String> cookies = new ArrayList<>(res.getHeaders("Set-Cookie"));
        if (cookies.stream().noneMatch(c -> c.startsWith(prefix))) {
            return;
        }
        res.setHeader("Set-Cookie", null);
        for (String c : cookies) {
            res.addHeader("Set-Cookie", c.startsWith(prefix) ? crossSite(c) : c);
        }
    }

    /** One Set-Cookie value with SameSite=None and Secure (any SameSite it had is replaced). */
    static String crossSite(String setCookie) {
        StringBuilder out = new StringBuilder();
        for (String part : setCookie.split(";")) {
            String p = part.trim();
            String lower = p.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("samesite") || lower.equals("secure") || lower.equals("partitioned") || p.isEmpty()) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "; ").append(p);
        }
        return out.append("; Secure; SameSite=None; Partitioned").toString();
    }

    /** Whether the browser will keep a Secure cookie from this request: https, or a loopback host. */
    static boolean crossSiteCookieAllowed(HttpServletRequest req) {
        String host = req.getServerName();
        return req.isSecure() || "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host)
                || "::1".equals(host);
    }

    /** The session's signed-in account id, or -1. */
    static long signedInId(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        Object who = session == null ? null : session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        return who instanceof SignedInUser u ? u.id() : -1;
    }
}
