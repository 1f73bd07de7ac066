package com.servicecraft.identity.web;

import com.servicecraft.identity.AuthenticationService;
import com.servicecraft.identity.SignInResult;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** The sign-in form. */
@Named
@RequestScoped
public class LoginPage {
    @Inject
    AuthenticationService authentication;
    @Inject
    LocaleSwitch localeSwitch;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        SignInResult result = authentication.signIn(username, password == null ? new char[0] : password.toCharArray(),
                request.getRemoteAddr());
        password = null;
        if (result instanceof SignInResult.Success s) {
            start(s);
        } else if (result instanceof SignInResult.Throttled t) {
            Messages.error("login.throttled", secondsUntil(t.until()));
        } else if (result instanceof SignInResult.TemporaryPasswordExpired) {
            Messages.error("login.temporaryExpired");
        } else {
            Messages.error("login.rejected");
        }
    }

    /** Whole seconds to wait, at least one. */
    static long secondsUntil(Instant until) {
        long millis = Duration.between(Instant.now(), until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"RV_RETURN_VALUE_IGNORED_NO_SIDE_EFFECT"},
            justification = "getSession(true) and changeSessionId() are called for their side effect: a session with a fresh id.")
    private void start(SignInResult.Success s) throws IOException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        request.getSession(true);
        // A new session id at sign-in: a session id planted before sign-in is worthless.
        request.changeSessionId();
        request.getSession().setAttribute(SignedInUser.SESSION_ATTRIBUTE, s.user());
        if (s.mustChangePassword()) {
            request.getSession().setAttribute(SignedInUser.MUST_CHANGE_PASSWORD, Boolean.TRUE);
        }
        localeSwitch.use(s.language());
        String target = s.mustChangePassword() ? "/account/password.xhtml?first=true"
                : SignInTarget.resolve(next, LoginPage::isView);
        ext.redirect(ext.getRequestContextPath() + target);
    }

    private static boolean isView(String path) {
        try {
            return FacesContext.getCurrentInstance().getExternalContext().getResource(path) != null;
        } catch (java.net.MalformedURLException e) {
            return false;
        }
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
