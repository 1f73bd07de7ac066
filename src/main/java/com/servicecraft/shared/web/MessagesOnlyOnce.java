package com.servicecraft.shared.web;

import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * {@link Messages} keeps its messages in the flash so that they survive a redirect after an
 * action ({@code ?faces-redirect=true}). When the same request renders the page instead, the
 * messages are shown now and must not be kept: Faces would otherwise show them again on the
 * next request, next to that request's own (the "shown twice" of a refused form).
 */
public class MessagesOnlyOnce implements PhaseListener {
    @Override
    public void beforePhase(PhaseEvent event) {
        event.getFacesContext().getExternalContext().getFlash().setKeepMessages(false);
    }

    @Override
    public void afterPhase(PhaseEvent event) {
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }
}
