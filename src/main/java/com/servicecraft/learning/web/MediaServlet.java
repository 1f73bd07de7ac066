package com.servicecraft.learning.web;

import com.servicecraft.content.ContentRepository;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Images and audio of a module ({@code /learn/media/<module>/<file>}), for signed-in users only. */
@WebServlet("/learn/media/*")
public class MediaServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String info = req.getPathInfo();
        ContentRepository content = CDI.current().select(ContentRepository.class).get();
        if (info == null || !info.matches("/[a-z0-9._-]+/[A-Za-z0-9._/-]+") || info.contains("..") || content.root() == null) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String[] parts = info.substring(1).split("/", 2);
        Path moduleDir = content.root().resolve(parts[0]).normalize();
        Path file = moduleDir.resolve("media").resolve(parts[1]).normalize();
        if (content.course() == null || content.course().module(parts[0]).isEmpty()
                || !file.startsWith(moduleDir.resolve("media")) || !Files.isRegularFile(file)) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = getServletContext().getMimeType(String.valueOf(file.getFileName()));
        res.setContentType(type == null ? "application/octet-stream" : type);
        res.setHeader("Cache-Control", "private, max-age=3600");
        res.setContentLengthLong(Files.size(file));
        Files.copy(file, res.getOutputStream());
    }
}
