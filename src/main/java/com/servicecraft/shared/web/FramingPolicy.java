package com.servicecraft.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Who may show this application in a frame. Nobody, unless the session began with an LTI launch:
 * then exactly the launching platform's origins (stored in the session by the launch) may frame
 * its pages, through the Content-Security-Policy's {@code frame-ancestors}, and X-Frame-Options is
 * left out (it cannot name an origin). Origins are re-checked here, so nothing else can reach the header.
 */
public final class FramingPolicy {
    /** Space-separated origins ({@code https://lms.example.com}) allowed to frame this session's pages. */
    public static final String SESSION_ATTRIBUTE = "servicecraft.frameAncestors";
    static final String NONE = "frame-ancestors 'none'";
    private static final String ORIGIN = "https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?";

    private FramingPolicy() {
    }

    /** The origins this request's session may be framed by, or "" (nobody). */
    public static String allowedAncestors(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object value = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return value instanceof String s ? clean(s) : "";
    }

    /** Only well-formed http(s) origins, space separated. */
    public static String clean(String origins) {
        return Arrays.stream(origins.trim().split("\\s+")).filter(o -> o.matches(ORIGIN)).distinct().collect(Collectors.joining(" "));
    }

    /** The policy with {@code frame-ancestors 'none'} replaced by these origins (unchanged when there are none). */
    static String withAncestors(String policy, String ancestors) {
        if (policy == null || ancestors.isEmpty()) {
            return policy;
        }
        return policy.replace(NONE, "frame-ancestors " + ancestors);
    }
}
