package com.servicecraft.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.IOException;

/** Ends the session. */
@Named
@RequestScoped
public class SignOut {
    public void signOut() throws IOException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.invalidateSession();
        ext.redirect(ext.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }
}
