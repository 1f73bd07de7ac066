package com.servicecraft.shared.web;

import com.servicecraft.shared.UserInputException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Localised texts and page messages for backing beans. */
public final class Messages {
    public static final String BUNDLE = "com.servicecraft.i18n.messages";

    private Messages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /**
     * A text in the language of the person's pages. That is the session's {@link LocaleSwitch},
     * not the view root's locale: a bean that builds texts while the view is still being built
     * (view actions, {@code @PostConstruct}) would otherwise get the default language.
     */
    public static String text(String key, Object... args) {
        return text(currentLocale(), key, args);
    }

    private static Locale currentLocale() {
        return CDI.current().select(LocaleSwitch.class).get().getLocale();
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, null, key, args);
    }

    public static void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, null, key, args);
    }

    public static void error(UserInputException e) {
        add(FacesMessage.SEVERITY_ERROR, null, e.messageKey(), e.arguments());
    }

    public static void errorFor(String clientId, String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, clientId, key, args);
    }

    private static void add(FacesMessage.Severity severity, String clientId, String key, Object... args) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        String text = text(key, args);
        ctx.addMessage(clientId, new FacesMessage(severity, text, null));
        ctx.getExternalContext().getFlash().setKeepMessages(true);
    }
}
