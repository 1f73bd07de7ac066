package com.servicecraft.identity.web;

import com.servicecraft.identity.CurrentUser;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.UserService;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** The 中文 | English links: switches the pages and remembers the choice for a signed-in user. */
@Named
@RequestScoped
public class LanguageSwitcher {
    @Inject
    LocaleSwitch localeSwitch;
    @Inject
    CurrentUser currentUser;
    @Inject
    UserService users;

    public void switchTo(Language language) throws IOException {
        localeSwitch.use(language);
        if (currentUser.isSignedIn()) {
            users.findSelf().ifPresent(me -> users.setOwnPreferences(language, me.isEmailNotifications()));
        }
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest req = (HttpServletRequest) ext.getRequest();
        // Back to the same page with the query string it was opened with (kept in a form parameter).
        String query = ext.getRequestParameterMap().get("query");
        boolean safe = query != null && !query.isBlank() && query.matches("[\\w%=&.,:+~-]*");
        ext.redirect(req.getRequestURI() + (safe ? "?" + query : ""));
    }
}
