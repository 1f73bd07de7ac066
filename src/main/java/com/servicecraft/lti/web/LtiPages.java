package com.servicecraft.lti.web;

import com.servicecraft.lti.LaunchRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The two pages the LTI endpoints answer themselves (no Faces: they may appear inside the
 * platform's frame before any session exists): a refused launch, in both languages with its reason
 * and correlation id, and the "open in a new window" fallback for browsers that block the session
 * cookie in a frame. Neither holds personal data; both may be framed by the launching platform
 * (by anyone when the platform is unknown: the refusal page has no control to click-jack).
 */
final class LtiPages {
    private static final String BUNDLE = "com.servicecraft.i18n.messages";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LtiPages() {
    }

    static String correlationId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"XSS_SERVLET"},
            justification = "Every text written is escaped by esc() or is a constant of this class: message-bundle texts, an enum reason code, a hex correlation id, a URL built from an escaped ticket.")
    static void refusal(HttpServletRequest req, HttpServletResponse res, LaunchRefused e, String correlationId) throws IOException {
        int status = e.reason() == LaunchRefused.Reason.BAD_REQUEST ? 400 : 403;
        Set<String> frame = e.platform() == null ? Set.of() : e.platform().allowedFrameOrigins();
        start(res, status, frame.isEmpty() ? "*" : String.join(" ", frame));
        ResourceBundle zh = ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE);
        ResourceBundle en = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
        PrintWriter w = res.getWriter();
        head(w, req, zh.getString("lti.refused.title") + " / " + en.getString("lti.refused.title"));
        w.append("<main class=\"sc-main\"><div class=\"sc-card sc-lti-refused\" id=\"ltiRefused\" data-reason=\"")
                .append(e.reason().code()).append("\">");
        section(w, "zh-CN", zh.getString("lti.refused.title"), zh.getString(e.reason().messageKey()), zh.getString("lti.refused.help"));
        section(w, "en", en.getString("lti.refused.title"), en.getString(e.reason().messageKey()), en.getString("lti.refused.help"));
        w.append("<p>").append(esc(zh.getString("lti.refused.correlation"))).append(" / <span lang=\"en\">")
                .append(esc(en.getString("lti.refused.correlation"))).append("</span>: <code id=\"correlationId\">")
                .append(correlationId).append("</code></p></div></main></body></html>");
    }

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"XSS_SERVLET"},
            justification = "Every text written is escaped by esc() or is a constant of this class: message-bundle texts, an enum reason code, a hex correlation id, a URL built from an escaped ticket.")
    static void fallback(HttpServletRequest req, HttpServletResponse res, String openUrl, Set<String> frameOrigins) throws IOException {
        start(res, 200, frameOrigins.isEmpty() ? "'none'" : String.join(" ", frameOrigins));
        ResourceBundle zh = ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE);
        ResourceBundle en = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
        PrintWriter w = res.getWriter();
        head(w, req, zh.getString("lti.fallback.title") + " / " + en.getString("lti.fallback.title"));
        w.append("<main class=\"sc-main\"><div class=\"sc-card\" id=\"ltiFallback\">");
        for (ResourceBundle b : new ResourceBundle[] {zh, en}) {
            String lang = b == zh ? "zh-CN" : "en";
            w.append("<section lang=\"").append(lang).append("\"><h1>").append(esc(b.getString("lti.fallback.title"))).append("</h1><p>")
                    .append(esc(b.getString("lti.fallback.text"))).append("</p><p><a class=\"ui-button sc-button\" id=\"openWindow-")
                    .append(lang).append("\" href=\"").append(esc(openUrl)).append("\" target=\"_blank\" rel=\"noopener\">")
                    .append(esc(b.getString("lti.fallback.open"))).append("</a></p></section>");
        }
        w.append("</div></main></body></html>");
    }

    private static void start(HttpServletResponse res, int status, String frameAncestors) {
        res.setStatus(status);
        res.setContentType("text/html");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // This page may be framed by the launching platform; SecurityHeadersFilter set DENY before it was known.
        res.setHeader("X-Frame-Options", null);
        res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none';"
                + " form-action 'none'; frame-ancestors " + frameAncestors);
    }

    private static void head(PrintWriter w, HttpServletRequest req, String title) {
        w.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>").append(esc(title))
                .append("</title><link rel=\"stylesheet\" href=\"").append(esc(req.getContextPath()))
                .append("/resources/css/app.css\"/></head><body>");
    }

    private static void section(PrintWriter w, String lang, String title, String reason, String help) {
        w.append("<section lang=\"").append(lang).append("\"><h1>").append(esc(title)).append("</h1><p class=\"sc-lti-reason\">")
                .append(esc(reason)).append("</p><p>").append(esc(help)).append("</p></section>");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
