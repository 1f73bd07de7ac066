package com.servicecraft.shared.web;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Answers the {@link KnownFailure}s of a Faces request cleanly and logs each as one line; everything
 * else goes on to PrimeFaces' handler (error page, full log). A full page gets the failure's answer (the
 * 503 page for an outage, a redirect to the expired notice); an ajax request is redirected to its page.
 */
public class KnownFailureHandler extends ExceptionHandlerWrapper {
    private static final Logger LOG = Logger.getLogger(KnownFailureHandler.class.getName());

    public KnownFailureHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    /** Registered in faces-config.xml after PrimeFaces' factory, which it wraps. */
    public static class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new KnownFailureHandler(getWrapped().getExceptionHandler());
        }
    }

    @Override
    public void handle() {
        FacesContext fc = FacesContext.getCurrentInstance();
        KnownFailure answered = null;
        for (Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator(); it.hasNext(); ) {
            Throwable t = it.next().getContext().getException();
            Optional<KnownFailure> known = KnownFailure.of(t);
            if (known.isEmpty()) {
                continue;
            }
            it.remove();
            if (answered == null) {
                answered = known.get();
                log(fc, answered, t);
                answer(fc, answered);
            }
        }
        getWrapped().handle();
    }

    /**
     * A full-page post of a page that is no longer valid (a second click after the first one left the page)
     * reloads the page it came from, which shows its current state (a submitted attempt: its result); only
     * a page of this application counts, anything else gets {@code fallback}.
     */
    static String samePageOr(ExternalContext ec, String fallback) {
        HttpServletRequest req = (HttpServletRequest) ec.getRequest();
        String referer = req.getHeader("Referer");
        String url = req.getRequestURL().toString();
        String origin = url.substring(0, url.length() - req.getRequestURI().length());
        String app = origin + req.getContextPath() + "/";
        if (referer == null || !referer.startsWith(app) || referer.contains("\\") || referer.indexOf("//", app.length()) >= 0
                || referer.contains("/error/") || !"POST".equals(req.getMethod())) {
            return fallback;
        }
        return referer.substring(origin.length());
    }

    private static void log(FacesContext fc, KnownFailure failure, Throwable t) {
        ExternalContext ec = fc.getExternalContext();
        String request = ec.getRequestContextPath() + ec.getRequestServletPath();
        LOG.warning(() -> failure + " on " + request + ": " + KnownFailure.summary(t));
    }

    private static void answer(FacesContext fc, KnownFailure failure) {
        ExternalContext ec = fc.getExternalContext();
        if (ec.isResponseCommitted()) {
            fc.responseComplete();
            return;
        }
        try {
            ec.responseReset();
            String page = ec.getRequestContextPath() + failure.page();
            if (fc.getPartialViewContext().isAjaxRequest()) {
                ec.setResponseContentType("text/xml");
                ec.setResponseCharacterEncoding("UTF-8");
                ec.setResponseHeader("Cache-Control", "no-cache");
                Writer w = ec.getResponseOutputWriter();
                w.write("<?xml version='1.0' encoding='UTF-8'?>\n<partial-response><redirect url=\"" + page + "\"></redirect></partial-response>");
                w.flush();
            } else if (failure == KnownFailure.DATABASE_UNAVAILABLE) {
                // Written directly: a Faces error view would treat this (maybe POST) request as its postback.
                ErrorPages.write((HttpServletRequest) ec.getRequest(), (HttpServletResponse) ec.getResponse(), failure.status(),
                        "error.unavailable.title", "error.unavailable.text");
            } else {
                ec.redirect(samePageOr(ec, page));
            }
            fc.responseComplete();
        } catch (IOException | IllegalStateException e) {
            throw new FacesException(e);
        }
    }
}
