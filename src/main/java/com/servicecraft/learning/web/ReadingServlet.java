package com.servicecraft.learning.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.learning.ProgressService;
import com.servicecraft.shared.web.AutosaveToken;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * The lesson page's reading heartbeat (reading.js): a small POST every
 * {@link com.servicecraft.learning.LessonProgress#HEARTBEAT} while the page is visible and the
 * reader active. Parameters: {@code lesson}, and {@code resume=true} when counting (re)starts.
 * Header {@value AutosaveToken#HEADER} (the session's token, against CSRF). Answers JSON
 * {@code {"left": seconds, "status": "..."}}; 403 for a missing token, 404 for an unknown lesson.
 * Under {@code /learn/}, so only signed-in users reach it.
 */
@WebServlet("/learn/reading")
public class ReadingServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgressService progress;
    private LocaleSwitch locale;

    /** Both are CDI client proxies: the service is application-wide, the locale follows each request's session. */
    @Override
    public void init() {
        progress = CDI.current().select(ProgressService.class).get();
        locale = CDI.current().select(LocaleSwitch.class).get();
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!AutosaveToken.matches(req.getSession(false), req.getHeader(AutosaveToken.HEADER))) {
            res.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String lesson = req.getParameter("lesson");
        if (lesson == null || lesson.isBlank()) {
            res.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        ProgressService.Reading reading;
        try {
            reading = progress.heartbeat(lesson, "true".equals(req.getParameter("resume")));
        } catch (UserInputException e) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (AccessDeniedException e) {
            res.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        JSON.writeValue(res.getWriter(), Map.of("left", reading.secondsLeft(),
                "status", ReadingStatus.text(reading, locale.current().locale())));
    }
}
