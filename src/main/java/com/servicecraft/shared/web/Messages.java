package com.servicecraft.shared.web;

import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.UserInputException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

/** Localised texts and page messages for backing beans. */
public final class Messages {
    public static final String BUNDLE = "com.servicecraft.i18n.messages";

    private Messages() {
    }

    public static String text(Locale locale, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
            if (args.length == 0) {
                return pattern;
            }
            Object[] shown = args.clone();
            for (int i = 0; i < shown.length; i++) {
                if (shown[i] instanceof FieldProblem.Label label) {
                    shown[i] = text(locale, label.key());
                }
            }
            return new MessageFormat(pattern, locale).format(shown);
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

    /** A refusal as page messages: one per problem when it names inputs (for pages without per-input messages). */
    public static void error(UserInputException e) {
        error(e, field -> null);
    }

    /**
     * A refusal shown where it belongs: each {@link FieldProblem} next to its input, which is marked
     * invalid (PrimeFaces then styles it {@code ui-state-error} and sets {@code aria-invalid}), and
     * only there, so a {@code p:message for=} shows it once. {@code clientIdOfField} maps the
     * domain's field path to the input's client id (null: no such input, shown as a page message).
     */
    public static void error(UserInputException e, Function<String, String> clientIdOfField) {
        if (e.problems().isEmpty()) {
            add(FacesMessage.SEVERITY_ERROR, null, e.messageKey(), e.arguments());
            return;
        }
        FacesContext ctx = FacesContext.getCurrentInstance();
        for (FieldProblem p : e.problems()) {
            String clientId = p.field() == null ? null : clientIdOfField.apply(p.field());
            boolean marked = clientId != null && markInvalid(ctx, clientId);
            add(FacesMessage.SEVERITY_ERROR, marked ? clientId : null, p.messageKey(), p.arguments().toArray());
        }
        ctx.validationFailed();
    }

    private static boolean markInvalid(FacesContext ctx, String clientId) {
        // invokeOnComponent also reaches inputs inside ui:repeat and data tables, row by row.
        return ctx.getViewRoot().invokeOnComponent(ctx, clientId, (c, component) -> {
            if (component instanceof EditableValueHolder input) {
                input.setValid(false);
            }
        });
    }

    /**
     * A refusal of one input, raised by the page itself (e.g. the two passwords differ): shown next to
     * that input, which is marked invalid, and only there.
     */
    public static void errorAt(String clientId, String key, Object... args) {
        error(new UserInputException(java.util.List.of(new FieldProblem(clientId, key, args))), field -> field);
    }

    /**
     * A refusal raised with a key only, shown at the input the key is about ({@code inputOfKey}: message
     * key to client id), which is marked invalid; a key not in the map is a page message.
     */
    public static void error(UserInputException e, java.util.Map<String, String> inputOfKey) {
        String clientId = e.problems().isEmpty() ? inputOfKey.get(e.messageKey()) : null;
        if (clientId == null) {
            error(e);
        } else {
            errorAt(clientId, e.messageKey(), e.arguments());
        }
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
