package com.servicecraft.shared.web;

import jakarta.servlet.http.HttpSession;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The per-session secret the attempt page sends with every autosave (as a header), so that another
 * site cannot make a signed-in trainee's browser save answers (CSRF). Faces requests carry the
 * server-side view state for the same purpose; the autosave endpoint is not a Faces request. The
 * lesson page's reading heartbeat ({@code /learn/reading}) sends the same token.
 */
public final class AutosaveToken {
    static final String SESSION_ATTRIBUTE = "servicecraft.autosaveToken";
    public static final String HEADER = "X-Servicecraft-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AutosaveToken() {
    }

    public static String of(HttpSession session) {
        synchronized (session) {
            Object t = session.getAttribute(SESSION_ATTRIBUTE);
            if (t == null) {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                t = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                session.setAttribute(SESSION_ATTRIBUTE, t);
            }
            return (String) t;
        }
    }

    public static boolean matches(HttpSession session, String sent) {
        Object t = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return t != null && sent != null
                && MessageDigest.isEqual(t.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
