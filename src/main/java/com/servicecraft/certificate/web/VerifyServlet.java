package com.servicecraft.certificate.web;

import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.certificate.Certificate;
import com.servicecraft.certificate.CertificateService;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.web.Messages;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /verify/<number>}: public confirmation of a certificate for anyone who holds one (an
 * employer, an auditor). It shows only what the certificate itself shows: name, course, date of
 * issue, validity. Unknown numbers answer 404 with the same page shape.
 */
@WebServlet("/verify/*")
public class VerifyServlet extends HttpServlet {

    @Override
    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"XSS_SERVLET"},
            justification = "Every dynamic value is HTML-escaped by esc(); the page is covered by the hostile-input tests.")
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String number = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Locale locale = req.getLocale() != null && req.getLocale().getLanguage().equals("zh") ? Language.ZH_CN.locale() : Language.EN.locale();
        CertificateService service = CDI.current().select(CertificateService.class).get();
        Optional<Certificate> cert = service.find(number);
        LocalDate today = LocalDate.now(CDI.current().select(Clock.class).get());
        res.setStatus(cert.isPresent() ? 200 : 404);
        res.setContentType("text/html");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Robots-Tag", "noindex");
        PrintWriter w = res.getWriter();
        w.println("<!DOCTYPE html><html lang=\"" + (locale.getLanguage().equals("zh") ? "zh-CN" : "en") + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(Messages.text(locale, "verify.title")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + req.getContextPath() + "/resources/css/app.css\"></head>"
                + "<body class=\"sc-body\"><main class=\"sc-main\"><h1>" + esc(Messages.text(locale, "verify.title")) + "</h1>");
        if (cert.isEmpty()) {
            w.println("<p id=\"verdict\" class=\"sc-verify-unknown\">" + esc(Messages.text(locale, "verify.unknown", number)) + "</p>");
        } else {
            Certificate c = cert.get();
            boolean valid = c.isValidOn(today);
            Course course = CDI.current().select(ContentRepository.class).get().course();
            String courseTitle = course != null && course.id().equals(c.courseId()) ? course.title().in(Language.of(locale)) : c.courseId();
            DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd");
            w.println("<p id=\"verdict\" class=\"" + (valid ? "sc-verify-valid" : "sc-verify-expired") + "\"><strong>"
                    + esc(Messages.text(locale, valid ? "verify.valid" : "verify.expired")) + "</strong></p><dl class=\"sc-card\">"
                    + row(Messages.text(locale, "verify.number"), c.number())
                    + row(Messages.text(locale, "verify.holder"), c.holderName())
                    + row(Messages.text(locale, "verify.course"), courseTitle)
                    + row(Messages.text(locale, "verify.issued"), day.withZone(OrganisationZone.zone()).format(c.issuedAt()))
                    + row(Messages.text(locale, "verify.validUntil"), c.validUntil() == null
                    ? Messages.text(locale, "verify.noExpiry") : day.format(c.validUntil()))
                    + "</dl>");
        }
        w.println("</main></body></html>");
    }

    private static String row(String key, String value) {
        return "<dt>" + esc(key) + "</dt><dd>" + esc(value) + "</dd>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
