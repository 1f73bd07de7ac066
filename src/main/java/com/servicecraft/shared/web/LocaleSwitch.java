package com.servicecraft.shared.web;

import com.servicecraft.shared.Language;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/**
 * The language of the pages for this browser session: the user's preferred language after
 * sign-in, the browser's before. Only the two supported locales are ever set (PrimeFaces
 * before 15.0.17 can be attacked through an arbitrary locale string).
 */
@Named
@SessionScoped
public class LocaleSwitch implements Serializable {
    private Language language;

    public Locale getLocale() {
        return current().locale();
    }

    public String getTag() {
        return current().tag();
    }

    public Language current() {
        if (language == null) {
            FacesContext ctx = FacesContext.getCurrentInstance();
            // Chinese unless the browser asks for English: zh-CN is the product's first language.
            String accept = ctx == null ? null : ctx.getExternalContext().getRequestHeaderMap().get("Accept-Language");
            language = accept == null || accept.isBlank() ? Language.ZH_CN : Language.of(ctx.getExternalContext().getRequestLocale());
        }
        return language;
    }

    public void use(Language l) {
        this.language = l == null ? Language.ZH_CN : l;
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (ctx != null && ctx.getViewRoot() != null) {
            ctx.getViewRoot().setLocale(language.locale());
        }
    }

    public boolean isEnglish() {
        return current() == Language.EN;
    }
}
