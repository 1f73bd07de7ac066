package com.servicecraft.lti.web;

import com.servicecraft.lti.DeepLinkingService;
import com.servicecraft.lti.LaunchRefused;
import com.servicecraft.lti.LtiLaunchService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /lti/launch}: the redirect URI where the platform posts the id_token and state (form_post).
 * A valid launch signs the person in and sends them on to {@code /lti/landing}; an invalid one
 * gets the refusal page with its reason and correlation id, and nothing is created.
 */
@WebServlet("/lti/launch")
public class LtiLaunchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"UNVALIDATED_REDIRECT"},
            justification = "Redirects to this application's own /lti/landing with a ticket the service generated (URL-encoded).")
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        LtiLaunchService service = CDI.current().select(LtiLaunchService.class).get();
        try {
            if (req.getParameter("error") != null) {
                throw new LaunchRefused(LaunchRefused.Reason.BAD_REQUEST, "the platform answered with error " + req.getParameter("error"));
            }
            LtiLaunchService.Landing landing = service.launch(req.getParameter("state"), req.getParameter("id_token"));
            LtiSessions.signIn(req, res, landing.user(), landing.language(), landing.frameOrigins());
            if (landing.deepLinking() != null) {
                req.getSession().setAttribute(DeepLinkingService.SESSION_ATTRIBUTE, landing.deepLinking());
            }
            res.sendRedirect(req.getContextPath() + "/lti/landing?ticket=" + URLEncoder.encode(landing.ticket(), StandardCharsets.UTF_8));
        } catch (LaunchRefused e) {
            String correlation = LtiPages.correlationId();
            service.refused(e, "launch", correlation, req.getRemoteAddr());
            LtiPages.refusal(req, res, e, correlation);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String correlation = LtiPages.correlationId();
        LaunchRefused e = new LaunchRefused(LaunchRefused.Reason.BAD_REQUEST, "GET of the launch URL");
        CDI.current().select(LtiLaunchService.class).get().refused(e, "launch", correlation, req.getRemoteAddr());
        LtiPages.refusal(req, res, e, correlation);
    }
}
