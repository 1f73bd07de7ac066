package com.servicecraft.identity.web;

import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.UserService;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;

/** Change your own password (and the forced change after a temporary one). */
@Named
@RequestScoped
public class PasswordPage {
    @Inject
    UserService users;

    private String current;
    private String newPassword;
    private String again;
    private boolean first;

    public void change() throws IOException {
        if (newPassword == null || !newPassword.equals(again)) {
            Messages.errorAt("passwordForm:again", "password.mismatch");
            return;
        }
        try {
            users.changeOwnPassword(current, newPassword);
            Messages.info("password.changed");
            ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
            ext.getSessionMap().remove(SignedInUser.MUST_CHANGE_PASSWORD);
            ext.redirect(ext.getRequestContextPath() + "/index.xhtml");
        } catch (UserInputException e) {
            Messages.error(e, field -> "passwordForm:" + field);
        }
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getAgain() { return again; }
    public void setAgain(String again) { this.again = again; }
    public boolean isFirst() { return first; }
    public void setFirst(boolean first) { this.first = first; }
}
