package com.servicecraft.access;

import com.servicecraft.audit.Refusals;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Records an {@link AccessDeniedException} thrown during a Faces request (also an ajax one, which
 * PrimeFaces answers itself) as a refusal, then lets PrimeFaces' handler show the 403 page.
 */
public class RefusalRecordingExceptionHandlerFactory extends ExceptionHandlerFactory {
    public RefusalRecordingExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExceptionHandlerWrapper(getWrapped().getExceptionHandler()) {
            @Override
            public void handle() {
                FacesContext context = FacesContext.getCurrentInstance();
                for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
                    AccessDeniedException denied = AccessFilter.deniedIn(event.getContext().getException());
                    if (denied != null && context != null
                            && context.getExternalContext().getRequest() instanceof HttpServletRequest req
                            && req.getAttribute(AccessFilter.REFUSAL_RECORDED) == null) {
                        req.setAttribute(AccessFilter.REFUSAL_RECORDED, Boolean.TRUE);
                        CDI.current().select(Refusals.class).get().record(req,
                                CDI.current().select(CurrentUser.class).get().get().orElse(null), 403, denied.getMessage());
                    }
                }
                super.handle();
            }
        };
    }
}
