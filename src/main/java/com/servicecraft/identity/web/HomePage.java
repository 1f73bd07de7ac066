package com.servicecraft.identity.web;

import com.servicecraft.identity.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The home page: greets the user and leads to what their roles allow. */
@Named
@RequestScoped
public class HomePage {
    @Inject
    CurrentUser currentUser;

    public String getGreetingName() {
        return currentUser.getDisplayName();
    }
}
