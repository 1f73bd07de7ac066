package com.servicecraft.shared.web;

import com.servicecraft.shared.persistence.DatabaseUnavailable;
import jakarta.faces.application.ViewExpiredException;
import org.primefaces.csp.CspException;

import java.util.Optional;

/**
 * Failures that are expected in a running system and have a clean answer for the user, so they are
 * logged as one line instead of a stack trace: the database is unreachable (503, "try again"), or a
 * page posted back is no longer valid (its view expired, or a hand-made or stale post without the
 * page's PrimeFaces CSP nonce).
 */
public enum KnownFailure {
    DATABASE_UNAVAILABLE(503, "/error/unavailable.xhtml"),
    STALE_PAGE(0, "/error/expired.xhtml");

    private final int status;
    private final String page;

    KnownFailure(int status, String page) {
        this.status = status;
        this.page = page;
    }

    /** The HTTP status a full-page answer carries, 0 for a redirect to {@link #page()} (an ajax request is always redirected there). */
    public int status() {
        return status;
    }

    public String page() {
        return page;
    }

    public static Optional<KnownFailure> of(Throwable failure) {
        if (DatabaseUnavailable.causedBy(failure)) {
            return Optional.of(DATABASE_UNAVAILABLE);
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof CspException || t instanceof ViewExpiredException) {
                return Optional.of(STALE_PAGE);
            }
        }
        return Optional.empty();
    }

    /** The innermost cause and its message, on one line (CR/LF cannot forge further log lines). */
    public static String summary(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return (root.getClass().getSimpleName() + ": " + root.getMessage()).replaceAll("[\\r\\n]+", " ");
    }
}
