package com.servicecraft.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Refuses a request body larger than the container will read, before anything reads it, with the
 * "too large" page (413) instead of a parse failure deep inside Faces. Limits: an upload (multipart) as
 * {@code multipart-config} in web.xml allows; any other form as Jetty's default form size.
 * The page is written directly ({@link ErrorPages}): a Faces view would read the refused body to look
 * for its view state.
 */
public class RequestSizeFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(RequestSizeFilter.class.getName());
    /** web.xml's {@code <max-request-size>} of the Faces servlet: a 10 MB file and the rest of its form. */
    public static final long MAX_MULTIPART_BYTES = 11_534_336;
    /** Jetty's default {@code maxFormContentSize}; no page of ours posts a form anywhere near it. */
    public static final long MAX_FORM_BYTES = 200_000;
    /** Bodies up to this size are read to the end before the refusal; larger ones are cut off. */
    static final long DRAIN_BYTES = 4L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        long length = req.getContentLengthLong();
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        long limit = type.startsWith("multipart/") ? MAX_MULTIPART_BYTES : MAX_FORM_BYTES;
        if (length <= limit) {
            chain.doFilter(req, res);
            return;
        }
        LOG.warning(() -> "Request body of " + length + " bytes refused (limit " + limit + "): " + req.getMethod() + " "
                + req.getRequestURI().replaceAll("[\\r\\n]+", " "));
        if (length > 0 && length <= DRAIN_BYTES && !"100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
            // Read what the client is sending anyway, so that it gets to read our answer: a server that stops
            // reading mid-body makes browsers show "connection reset" instead of the page.
            req.getInputStream().skipNBytes(length);
        }
        res.setHeader("Connection", "close");
        ErrorPages.write(req, res, 413, "error.tooLarge.title", "error.tooLarge.text");
    }
}
