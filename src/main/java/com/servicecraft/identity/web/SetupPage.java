package com.servicecraft.identity.web;

import com.servicecraft.identity.FirstRunSetup;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.UserForm;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;

/** First run: creates the first administrator; afterwards the page only says it is done. */
@Named
@RequestScoped
public class SetupPage {
    @Inject
    FirstRunSetup setup;
    @Inject
    LocaleSwitch localeSwitch;

    private final UserForm form = new UserForm();
    private String password;
    private String passwordAgain;

    public void onLoad() throws IOException {
        if (setup.isSetUp()) {
            ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
            ext.redirect(ext.getRequestContextPath() + "/login.xhtml");
        }
    }

    public void create() throws IOException {
        if (password == null || !password.equals(passwordAgain)) {
            Messages.errorAt("setupForm:passwordAgain", "password.mismatch");
            return;
        }
        try {
            form.setLanguage(form.getLanguage() == null ? localeSwitch.current() : form.getLanguage());
            setup.createFirstAdmin(form, password);
            Messages.info("setup.done");
            ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
            ext.redirect(ext.getRequestContextPath() + "/login.xhtml");
        } catch (UserInputException e) {
            Messages.error(e, field -> "setupForm:" + field);
        }
    }

    public UserForm getForm() { return form; }
    public Language[] getLanguages() { return Language.values(); }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordAgain() { return passwordAgain; }
    public void setPasswordAgain(String passwordAgain) { this.passwordAgain = passwordAgain; }
}
