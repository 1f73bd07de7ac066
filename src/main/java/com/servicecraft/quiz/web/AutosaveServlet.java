package com.servicecraft.quiz.web;

import com.servicecraft.shared.web.AutosaveToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.shared.Language;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.ClientAnswer;
import com.servicecraft.quiz.SaveRefusedException;
import com.servicecraft.shared.persistence.DatabaseUnavailable;
import com.servicecraft.shared.web.KnownFailure;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The attempt page's autosave: a small POST per changed answer instead of a whole Faces request.
 * Parameters: {@code attempt}, {@code position}, {@code v} (repeated values) and {@code p.<key>}
 * (pairs); header {@value AutosaveToken#HEADER}. Answers JSON {@code {"status": "...", "answered": true}};
 * 409 with a message when the attempt is closed, 403 for anything forged, 503 with {@code "retry": true}
 * while the database cannot be reached (the page keeps the answer and sends it again).
 */
@WebServlet("/learn/autosave")
public class AutosaveServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(AutosaveServlet.class.getName());

    private AttemptService attempts;
    private LocaleSwitch locale;

    /** Both are CDI client proxies: the service is application-wide, the locale follows each request's session. */
    @Override
    public void init() {
        attempts = CDI.current().select(AttemptService.class).get();
        locale = CDI.current().select(LocaleSwitch.class).get();
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        req.setCharacterEncoding("UTF-8");
        if (!AutosaveToken.matches(req.getSession(false), req.getHeader(AutosaveToken.HEADER))) {
            res.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        long attempt;
        int position;
        try {
            attempt = Long.parseLong(req.getParameter("attempt"));
            position = Integer.parseInt(req.getParameter("position"));
        } catch (NumberFormatException e) {
            res.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        List<String> values = req.getParameterValues("v") == null ? List.of() : Arrays.asList(req.getParameterValues("v"));
        Map<String, String> pairs = new LinkedHashMap<>();
        req.getParameterMap().forEach((name, v) -> {
            if (name.startsWith("p.") && v.length > 0) {
                pairs.put(name.substring(2), v[0]);
            }
        });
        Language lang = locale.current();
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        try {
            AttemptService.Saved saved = attempts.saveFromPage(attempt, position, new ClientAnswer(values, pairs));
            String status = saved.at() == null ? "" : Messages.text(lang.locale(), "quiz.savedAt", java.util.Date.from(saved.at()));
            JSON.writeValue(res.getWriter(), Map.of("status", status, "answered", saved.answered()));
        } catch (SaveRefusedException e) {
            res.setStatus(HttpServletResponse.SC_CONFLICT);
            JSON.writeValue(res.getWriter(), Map.of("message", Messages.text(lang.locale(), e.messageKey())));
        } catch (AccessDeniedException e) {
            res.setStatus(HttpServletResponse.SC_FORBIDDEN);
            JSON.writeValue(res.getWriter(), Map.of("message", Messages.text(lang.locale(), "quiz.saveFailed")));
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            LOG.warning(() -> "Autosave not stored, database unavailable: " + KnownFailure.summary(e));
            res.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            JSON.writeValue(res.getWriter(), Map.of("message", Messages.text(lang.locale(), "quiz.saveRetrying"), "retry", true));
        }
    }
}
