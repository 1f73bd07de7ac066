package com.servicecraft.benchmark;

import com.servicecraft.shared.persistence.Database;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The benchmark's baseline: the same single-row answer write as an autosave, done by a bare
 * servlet with plain JDBC (no Faces, no CDI beans, no JPA). It writes any attempt's answer
 * without asking whose it is, so it never ships in the product WAR: it lives in the benchmark's
 * test code; only the {@code benchmark} profile copies it into the WAR it builds, and only its
 * Jetty maps it at {@code /bench/write} (src/test/benchmark/override-web.xml). It sits behind
 * the same sign-in filter as every page.
 */
public class BareWriteServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        long attempt;
        int position;
        try {
            attempt = Long.parseLong(req.getParameter("attempt"));
            position = Integer.parseInt(req.getParameter("position"));
        } catch (NumberFormatException e) {
            res.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Database db = CDI.current().select(Database.class).get();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("update attempt_item set response = ?, saved_at = ? where attempt_id = ? and position = ?")) {
            ps.setString(1, "{\"choices\":[\"" + req.getParameter("choice") + "\"]}");
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setLong(3, attempt);
            ps.setInt(4, position);
            res.setContentType("text/plain");
            res.getWriter().print(ps.executeUpdate());
        } catch (SQLException e) {
            res.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }
}
