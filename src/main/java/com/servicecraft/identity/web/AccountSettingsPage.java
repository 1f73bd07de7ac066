package com.servicecraft.identity.web;

import com.servicecraft.identity.User;
import com.servicecraft.identity.UserService;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** The user's own settings: whether notifications also arrive by e-mail. */
@Named
@ViewScoped
public class AccountSettingsPage implements Serializable {
    @Inject
    UserService users;
    @Inject
    LocaleSwitch locale;

    private boolean emailNotifications;
    private String email;

    @PostConstruct
    void load() {
        users.findSelf().ifPresent(me -> {
            emailNotifications = me.isEmailNotifications();
            email = me.getEmail();
        });
    }

    public void save() {
        User me = users.findSelf().orElseThrow();
        users.setOwnPreferences(me.getPreferredLanguage() == null ? locale.current() : me.getPreferredLanguage(), emailNotifications);
        Messages.info(emailNotifications ? "settings.mailOn" : "settings.mailOff");
    }

    public boolean isEmailNotifications() { return emailNotifications; }
    public void setEmailNotifications(boolean emailNotifications) { this.emailNotifications = emailNotifications; }
    public String getEmail() { return email; }
}
