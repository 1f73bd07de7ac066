package com.servicecraft.shared.web;

import com.servicecraft.shared.persistence.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * While the database cannot be reached, whatever fails because of it outside a Faces view (a filter, a
 * servlet) answers the 503 "temporarily unavailable" page with one log line; Faces views get the same
 * from {@link KnownFailureHandler}. Every other failure passes on unchanged.
 */
public class OutageFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(OutageFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(req, res);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e) || res.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "DATABASE_UNAVAILABLE on " + req.getRequestURI().replaceAll("[\\r\\n]+", " ") + ": " + KnownFailure.summary(e));
            ErrorPages.write(req, res, 503, "error.unavailable.title", "error.unavailable.text");
        }
    }
}
