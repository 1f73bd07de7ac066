package com.servicecraft.lti.web;

import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.SignedInUsers;
import com.servicecraft.lti.LaunchRefused;
import com.servicecraft.lti.LaunchStates;
import com.servicecraft.lti.LtiLaunchService;
import com.servicecraft.lti.LtiPlatforms;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /lti/landing?ticket=…}: the first page after a launch. When the browser sent the session
 * cookie back, the person goes on to the linked page. When it did not (a browser that blocks
 * third-party cookies in the platform's frame), the page offers to open Servicecraft in a new
 * window; there, {@code &window=1} uses the launch's one-time ticket (valid for minutes) to sign
 * the person in, first-party.
 */
@WebServlet("/lti/landing")
public class LtiLandingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"UNVALIDATED_REDIRECT"},
            justification = "The target comes from the launch's ticket row, written by LaunchTarget.path(): a path of this application built from course ids, under the context path.")
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        LtiLaunchService service = CDI.current().select(LtiLaunchService.class).get();
        String ticket = req.getParameter("ticket");
        Optional<LaunchStates.Ticket> t = service.peekTicket(ticket);
        if (t.isEmpty()) {
            refuse(req, res, service);
            return;
        }
        long signedIn = LtiSessions.signedInId(req);
        if (signedIn == t.get().userId()) {
            service.useTicket(ticket);
            res.sendRedirect(req.getContextPath() + t.get().target());
            return;
        }
        Set<String> origins = CDI.current().select(LtiPlatforms.class).get().find(t.get().platformId())
                .map(p -> p.allowedFrameOrigins()).orElse(Set.of());
        if (!"1".equals(req.getParameter("window"))) {
            LtiPages.fallback(req, res, req.getContextPath() + "/lti/landing?window=1&ticket="
                    + URLEncoder.encode(ticket, StandardCharsets.UTF_8), origins);
            return;
        }
        Optional<LaunchStates.Ticket> used = service.useTicket(ticket);
        Optional<SignedInUser> user = used.flatMap(u -> CDI.current().select(SignedInUsers.class).get().load(u.userId()));
        if (user.isEmpty()) {
            refuse(req, res, service);
            return;
        }
        LtiSessions.signIn(req, res, user.get(), used.get().language(), origins);
        res.sendRedirect(req.getContextPath() + used.get().target());
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse res, LtiLaunchService service) throws IOException {
        String correlation = LtiPages.correlationId();
        LaunchRefused e = new LaunchRefused(LaunchRefused.Reason.UNKNOWN_STATE, "landing ticket unknown, expired or used");
        service.refused(e, "landing", correlation, req.getRemoteAddr());
        LtiPages.refusal(req, res, e, correlation);
    }
}
