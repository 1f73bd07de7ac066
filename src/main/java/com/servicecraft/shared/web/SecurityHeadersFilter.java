package com.servicecraft.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Headers for every response (the first filter, mapped in web.xml): no framing, no MIME sniffing,
 * no referrer leaks, no caching of pages (which may show personal data; static resources stay
 * cacheable). Faces pages get their Content-Security-Policy from PrimeFaces (primefaces.CSP_POLICY
 * in web.xml, with a nonce per response); every other response (PDF, CSV, JSON, the certificate
 * check) gets {@link #NON_FACES_POLICY}. Behind a TLS-terminating proxy that the operator declared
 * trusted ({@link ProxySettings}), a request the proxy marks https is treated as https: it is
 * secure, redirects stay relative (so the browser keeps https), and HSTS is sent.
 */
public class SecurityHeadersFilter extends HttpFilter {
    static final String CSP = "Content-Security-Policy";
    /** Nothing but our own style sheet and images may load into a response that Faces did not render. */
    static final String NON_FACES_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        req.setCharacterEncoding("UTF-8");
        boolean https = ProxySettings.fromEnvironment().forwardedHttps(req);
        HttpServletRequest request = https ? new ForwardedHttpsRequest(req) : req;
        // A session that an LMS launched may be shown in that LMS's frame (FramingPolicy); any other, nowhere.
        String ancestors = FramingPolicy.allowedAncestors(req);
        HttpServletResponse response = new Response(res, https, ancestors);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (ancestors.isEmpty()) {
            response.setHeader("X-Frame-Options", "DENY");
        }
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        String path = RawPath.servedPath(req);
        if (!path.startsWith("/jakarta.faces.resource/") && !path.startsWith("/resources/")) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        // The welcome path "/" is answered with index.xhtml, a Faces page.
        if (!path.endsWith(".xhtml") && !path.equals("/")) {
            response.setHeader(CSP, NON_FACES_POLICY);
        }
        chain.doFilter(request, response);
    }

    /** A request that reached the trusted proxy over https. */
    private static final class ForwardedHttpsRequest extends HttpServletRequestWrapper {
        ForwardedHttpsRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getScheme() {
            return "https";
        }

        @Override
        public int getServerPort() {
            return 443;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer("https://").append(getServerName()).append(getRequestURI());
        }
    }

    /**
     * Error pages are Faces pages with their own policy; redirects behind the proxy stay relative;
     * every policy set (ours or PrimeFaces') gets the session's frame ancestors.
     */
    private static final class Response extends HttpServletResponseWrapper {
        private final boolean https;
        private final String ancestors;

        Response(HttpServletResponse response, boolean https, String ancestors) {
            super(response);
            this.https = https;
            this.ancestors = ancestors;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, CSP.equalsIgnoreCase(name) ? FramingPolicy.withAncestors(value, ancestors) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, CSP.equalsIgnoreCase(name) ? FramingPolicy.withAncestors(value, ancestors) : value);
        }

        @Override
        public void sendError(int sc) throws IOException {
            setHeader(CSP, null);
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            setHeader(CSP, null);
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (https && location.startsWith("/") && !location.startsWith("//")) {
                resetBuffer();
                setStatus(SC_FOUND);
                setHeader("Location", location);
                flushBuffer();
            } else {
                super.sendRedirect(location);
            }
        }
    }
}
