package com.servicecraft.api;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;

/** {@code GET /api/v1/openapi.yaml}: the hand-written OpenAPI description of the API, public. */
@WebServlet("/api/v1/openapi.yaml")
public class OpenApiServlet extends HttpServlet {
    static final String RESOURCE = "/com/servicecraft/api/openapi.yaml";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                res.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            res.setContentType("application/yaml");
            res.setCharacterEncoding("UTF-8");
            in.transferTo(res.getOutputStream());
        }
    }
}
