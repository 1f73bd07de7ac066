package com.servicecraft.lti.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * {@code /lti/deep-link/return}: posts the signed LtiDeepLinkingResponse to the platform's
 * deep_link_return_url (form_post, as Deep Linking 2.0 asks). The page's own policy lets its one
 * form post to that origin only; {@code resources/js/lti-autopost.js} submits it, and a button
 * does for a browser without script.
 */
@WebServlet("/lti/deep-link/return")
public class DeepLinkReturnServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"UNVALIDATED_REDIRECT"},
            justification = "Without a response to post, back to this application's own picker under the context path.")
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        HttpSession session = req.getSession(false);
        Object r = session == null ? null : session.getAttribute(DeepLinkPage.RETURN_ATTRIBUTE);
        if (!(r instanceof DeepLinkPage.Return ret)) {
            res.sendRedirect(req.getContextPath() + "/lti/deep-link.xhtml");
            return;
        }
        session.removeAttribute(DeepLinkPage.RETURN_ATTRIBUTE);
        String origin = com.servicecraft.lti.LtiPlatformOrigins.of(ret.returnUrl());
        res.setContentType("text/html");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.setHeader("X-Frame-Options", null);
        res.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none';"
                + " form-action " + origin + "; frame-ancestors 'none'");
        ResourceBundle zh = ResourceBundle.getBundle("com.servicecraft.i18n.messages", Locale.SIMPLIFIED_CHINESE);
        ResourceBundle en = ResourceBundle.getBundle("com.servicecraft.i18n.messages", Locale.ENGLISH);
        PrintWriter w = res.getWriter();
        w.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>")
                .append(LtiPages.esc(zh.getString("lti.deepLink.returning") + " / " + en.getString("lti.deepLink.returning")))
                .append("</title><link rel=\"stylesheet\" href=\"").append(LtiPages.esc(req.getContextPath()))
                .append("/resources/css/app.css\"/></head><body><main class=\"sc-main\"><form id=\"deepLinkReturn\" method=\"post\" action=\"")
                .append(LtiPages.esc(ret.returnUrl())).append("\"><input type=\"hidden\" name=\"JWT\" value=\"")
                .append(LtiPages.esc(ret.jwt())).append("\"/><button type=\"submit\" class=\"ui-button sc-button\">")
                .append(LtiPages.esc(zh.getString("lti.deepLink.returning"))).append(" / <span lang=\"en\">")
                .append(LtiPages.esc(en.getString("lti.deepLink.returning"))).append("</span></button></form></main><script src=\"")
                .append(LtiPages.esc(req.getContextPath())).append("/resources/js/lti-autopost.js\"></script></body></html>");
    }
}
