package com.servicecraft.lti.web;

import com.servicecraft.lti.DeepLinking;
import com.servicecraft.lti.DeepLinkingService;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Deep Linking: after a deep-linking launch an instructor searches the course (titles in both
 * languages) and places one item in the LMS; the signed response goes back through
 * {@code /lti/deep-link/return}.
 */
@Named
@ViewScoped
public class DeepLinkPage implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The response waiting to be posted back: {@link DeepLinkReturnServlet} reads and removes it. */
    static final String RETURN_ATTRIBUTE = "servicecraft.lti.deepLinkReturn";

    @Inject
    DeepLinkingService service;
    @Inject
    LocaleSwitch localeSwitch;

    private List<DeepLinking.Item> all;
    private String query;
    private boolean active;

    /** The response and where it goes. */
    record Return(String returnUrl, String jwt) implements Serializable {
    }

    public void onLoad() {
        all = service.items();
        active = request() != null;
    }

    public List<DeepLinking.Item> getItems() {
        if (query == null || query.isBlank()) {
            return all;
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        return all.stream().filter(i -> i.title().texts().values().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(q))
                || i.target().toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    public void choose(DeepLinking.Item item) throws IOException {
        DeepLinking.Request request = request();
        if (request == null) {
            Messages.error("lti.deepLink.none");
            return;
        }
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest req = (HttpServletRequest) ext.getRequest();
        String jwt = service.respond(request, item.target(), item.title(localeSwitch.current()), ToolUrls.of(req).launch());
        HttpSession session = req.getSession();
        session.removeAttribute(DeepLinkingService.SESSION_ATTRIBUTE);
        session.setAttribute(RETURN_ATTRIBUTE, new Return(request.returnUrl(), jwt));
        ext.redirect(ext.getRequestContextPath() + "/lti/deep-link/return");
    }

    private static DeepLinking.Request request() {
        Object r = FacesContext.getCurrentInstance().getExternalContext().getSessionMap().get(DeepLinkingService.SESSION_ATTRIBUTE);
        return r instanceof DeepLinking.Request d ? d : null;
    }

    public boolean isActive() { return active; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
}
