package com.servicecraft.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The check of the request path as the client sent it, before the container decodes and
 * normalises it: any form that could normalise to another path than it reads is refused, so the
 * path the access rules see is the path the client asked for. Our own URLs never need any of them.
 */
public final class RawPath {
    /**
     * Dot segments, empty segments, path parameters, backslashes, and the encodings that decode to
     * them or to another encoding (%25: double encoding; %c0/%c1/%e0%80: overlong UTF-8 forms).
     */
    private static final List<String> FORBIDDEN = List.of(
            "..", "//", ";", "\\", "/./",
            "%2e", "%2f", "%5c", "%3b", "%25", "%c0", "%c1", "%e0%80");

    private RawPath() {
    }

    /** Why the raw path (request URI without the query) is refused, or empty when it is plain. */
    public static Optional<String> problem(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of("not an absolute path");
        }
        if (rawPath.endsWith("/.")) {
            return Optional.of("dot segment");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String f : FORBIDDEN) {
            if (lower.contains(f)) {
                return Optional.of("contains " + f);
            }
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("control character");
            }
            if (c == '%') {
                if (i + 2 >= lower.length() || !lower.substring(i + 1, i + 3).matches("[0-9a-f]{2}")) {
                    return Optional.of("malformed percent encoding");
                }
                int b = Integer.parseInt(lower.substring(i + 1, i + 3), 16);
                if (b < 0x20 || b == 0x7f) {
                    return Optional.of("encoded control character %" + lower.substring(i + 1, i + 3));
                }
            }
        }
        return Optional.empty();
    }

    /** The path a request is served under (servlet path and path info), "/" for the root. */
    public static String servedPath(HttpServletRequest req) {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        return path.isEmpty() ? "/" : path;
    }
}
