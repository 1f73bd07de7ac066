package com.servicecraft.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/** JSON responses and errors of the API, in one shape: {@code {"error": "...", "message": "..."}}. */
public final class ApiResponses {
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private ApiResponses() {
    }

    public static void json(HttpServletResponse res, int status, Object body) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        JSON.writeValue(res.getOutputStream(), body);
    }

    public static void unauthorized(HttpServletResponse res) throws IOException {
        res.setHeader("WWW-Authenticate", "Bearer realm=\"servicecraft\", Basic realm=\"servicecraft\", charset=\"UTF-8\"");
        error(res, 401, "unauthorized", "Sign in with an API token (Authorization: Bearer ...) or HTTP Basic.");
    }

    public static void error(HttpServletResponse res, int status, String code, String message) throws IOException {
        json(res, status, Map.of("error", code, "message", message));
    }
}
