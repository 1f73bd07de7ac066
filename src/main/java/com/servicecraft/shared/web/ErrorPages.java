package com.servicecraft.shared.web;

import com.servicecraft.shared.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/**
 * A plain error page written straight to the response, for answers that cannot go through a Faces view:
 * the request's body was refused, or the database is unreachable. Texts come from the message bundles,
 * in the browser's language (Chinese unless it asks for English, as {@link LocaleSwitch} decides).
 */
public final class ErrorPages {
    private ErrorPages() {
    }

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"XSS_SERVLET"},
            justification = "Writes only message-bundle texts, a whitelisted language tag and the context path; nothing from the request body or query.")
    public static void write(HttpServletRequest req, HttpServletResponse res, int status, String titleKey, String textKey) throws IOException {
        Locale lang = req.getHeader("Accept-Language") == null ? Language.ZH_CN.locale() : Language.of(req.getLocale()).locale();
        res.resetBuffer();
        res.setStatus(status);
        res.setContentType("text/html");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        String title = Messages.text(lang, titleKey);
        res.getWriter().write("<!DOCTYPE html><html lang=\"" + lang.toLanguageTag() + "\"><head><meta charset=\"UTF-8\"/><title>" + title
                + "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/></head><body><main><h1>" + title
                + "</h1><p>" + Messages.text(lang, textKey) + "</p><p><a href=\"" + req.getContextPath() + "/\">"
                + Messages.text(lang, "error.backHome") + "</a></p></main></body></html>");
    }
}
