package com.servicecraft.lti.web;

import com.servicecraft.lti.LaunchRefused;
import com.servicecraft.lti.LtiLaunchService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /lti/login}: the OIDC third-party login initiation of LTI 1.3 (GET or POST with iss,
 * login_hint, target_link_uri, lti_message_hint, client_id, lti_deployment_id). Redirects to the
 * platform's authentication endpoint with a fresh state and nonce; an unknown or disabled platform
 * gets the refusal page. Public: the platform's signed id_token authenticates the launch.
 */
@WebServlet("/lti/login")
public class LtiLoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final List<String> PARAMETERS = List.of("iss", "login_hint", "target_link_uri", "lti_message_hint", "client_id",
            "lti_deployment_id");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        initiate(req, res);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        initiate(req, res);
    }

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"UNVALIDATED_REDIRECT"},
            justification = "LTI login initiation must redirect to the platform's authentication request URL; it is the one an administrator registered for the issuer, never one from the request.")
    private void initiate(HttpServletRequest req, HttpServletResponse res) throws IOException {
        LtiLaunchService service = CDI.current().select(LtiLaunchService.class).get();
        Map<String, String> params = new HashMap<>();
        for (String p : PARAMETERS) {
            String v = req.getParameter(p);
            if (v != null && v.length() <= 2000) {
                params.put(p, v);
            }
        }
        try {
            LtiLaunchService.LoginRedirect redirect = service.initiate(params, ToolUrls.of(req).launch());
            res.sendRedirect(redirect.url());
        } catch (LaunchRefused e) {
            String correlation = LtiPages.correlationId();
            service.refused(e, "login", correlation, req.getRemoteAddr());
            LtiPages.refusal(req, res, e, correlation);
        }
    }
}
