package com.servicecraft.lti.web;

import com.servicecraft.identity.SignedInUser;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.web.FramingPolicy;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.util.Set;

/**
 * Signs the launched person in, as the sign-in page does (a fresh session id, the account in
 * {@link SignedInUser#SESSION_ATTRIBUTE}, the page language), and makes the session usable inside
 * the platform's frame: the launching platform's origins may frame it ({@link FramingPolicy}), and
 * the session cookie is sent again with {@code SameSite=None; Secure} so that the browser keeps
 * sending it from a third-party frame. Browsers store a Secure cookie only over https, or from
 * localhost / 127.0.0.1; elsewhere over plain http the cookie stays {@code SameSite=Lax} (the launch
 * then works in a new window, not in a frame).
 */
final class LtiSessions {
    private LtiSessions() {
    }

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"RV_RETURN_VALUE_IGNORED_NO_SIDE_EFFECT"},
            justification = "getSession(true) and changeSessionId() are called for their side effect: a session with a fresh id.")
    static void signIn(HttpServletRequest req, HttpServletResponse res, SignedInUser user, Language language, Set<String> frameOrigins) {
        req.getSession(true);
        // A new session id at sign-in: a session id planted before the launch is worthless.
        String id = req.changeSessionId();
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
            SessionCookieConfig config = req.getServletContext().getSessionCookieConfig();
            Cookie cookie = new Cookie(config.getName() == null ? "JSESSIONID" : config.getName(), id);
            cookie.setPath(req.getContextPath().isEmpty() ? "/" : req.getContextPath());
            cookie.setHttpOnly(true);
            cookie.setSecure(true);
            cookie.setAttribute("SameSite", "None");
            res.addCookie(cookie);
        }
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
