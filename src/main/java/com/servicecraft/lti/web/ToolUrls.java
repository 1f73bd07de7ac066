package com.servicecraft.lti.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The tool's own URLs, to register in a platform, as this request reached the application (behind
 * a trusted TLS proxy the scheme is https; the host is the one the browser used).
 */
public record ToolUrls(String base) {
    public static ToolUrls of(HttpServletRequest req) {
        String scheme = req.getScheme();
        int port = req.getServerPort();
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        String host = req.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return new ToolUrls(scheme + "://" + host + (defaultPort ? "" : ":" + port) + req.getContextPath());
    }

    public String login() {
        return base + "/lti/login";
    }

    /** The redirect URI of the authentication request: resource-link and deep-linking launches alike. */
    public String launch() {
        return base + "/lti/launch";
    }

    public String deepLinking() {
        return base + "/lti/launch";
    }

    public String jwks() {
        return base + "/lti/jwks";
    }
}
