package com.servicecraft.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.servicecraft.shared.persistence.Database;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: no sign-in needed. Reports the database, the schema version and the loaded
 * content; answers 503 (DOWN) when the database cannot be reached or no course module is loaded.
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> db = new LinkedHashMap<>();
        boolean up;
        Database database = CDI.current().select(Database.class).get();
        db.put("product", database.productName());
        db.put("version", database.productVersion());
        db.put("schemaVersion", database.schemaVersion());
        try (Connection c = database.dataSource().getConnection()) {
            up = c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            db.put("error", "unreachable");
            up = false;
        }
        ContentHealth content = CDI.current().select(ContentHealth.class).get();
        up = up && content.hasModules();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", db);
        body.put("content", content.summary());
        res.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        JSON.writerWithDefaultPrettyPrinter().writeValue(res.getOutputStream(), body);
    }
}
