package com.servicecraft.identity.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Where the browser goes after sign-in: the {@code next} parameter only when it names a view of
 * this application, otherwise the home page. Accepted is a path that
 * <ul>
 *   <li>parses as a {@link URI} without scheme, authority or fragment, and starts with exactly one {@code /};</li>
 *   <li>is printable ASCII without space, backslash or {@code #}, has no percent-encoding in the path
 *       (nothing encoded can hide a {@code /} or {@code .}), and is already normal: no empty,
 *       {@code .} or {@code ..} segment;</li>
 *   <li>ends in {@code .xhtml} outside {@code /WEB-INF/} and {@code /META-INF/}, is not the sign-in page
 *       itself, and exists in the web application (the given check, e.g. ServletContext.getResource).</li>
 * </ul>
 * A query string is kept (it may carry percent-encoding). The result is relative to the context path.
 */
public final class SignInTarget {
    public static final String HOME = "/index.xhtml";
    private static final int MAX_LENGTH = 2000;

    private SignInTarget() {
    }

    /**
     * @param next       the requested target, as the browser sent it
     * @param viewExists tells whether a path such as {@code /admin/users.xhtml} is a page of this application
     */
    public static String resolve(String next, Predicate<String> viewExists) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH) {
            return HOME;
        }
        int queryStart = next.indexOf('?');
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            boolean inPath = queryStart < 0 || i < queryStart;
            // Printable ASCII only (no control character, space, tab or Unicode look-alike), no
            // backslash, no fragment; no percent-encoding in the path, where it could hide "/" or ".".
            if (c <= 0x20 || c >= 0x7f || c == '\\' || c == '#' || (inPath && c == '%')) {
                return HOME;
            }
        }
        if (!next.startsWith("/") || next.startsWith("//")) {
            return HOME;
        }
        URI uri;
        try {
            uri = new URI(next);
        } catch (URISyntaxException e) {
            return HOME;
        }
        String path = uri.getRawPath();
        if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawFragment() != null
                || path == null || !path.startsWith("/") || path.startsWith("//")) {
            return HOME;
        }
        if (!path.equals(uri.normalize().getRawPath()) || path.contains("//") || path.contains("/./") || path.contains("/../")) {
            return HOME;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".xhtml") || lower.startsWith("/web-inf/") || lower.startsWith("/meta-inf/")
                || lower.equals("/login.xhtml") || !viewExists.test(path)) {
            return HOME;
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
