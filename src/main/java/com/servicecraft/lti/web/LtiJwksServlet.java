package com.servicecraft.lti.web;

import com.servicecraft.lti.ToolKeys;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code /lti/jwks}: the tool's public key set (public parts only), for platforms to check what the tool signs. */
@WebServlet("/lti/jwks")
public class LtiJwksServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"XSS_SERVLET"},
            justification = "The body is the tool's public JWK set as JSON (application/json), made by Nimbus from the stored keys; no request data.")
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String json = CDI.current().select(ToolKeys.class).get().publicKeySet().toString(true);
        res.setContentType("application/json");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write(json);
    }
}
