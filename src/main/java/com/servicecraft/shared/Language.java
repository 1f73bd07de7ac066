package com.servicecraft.shared;

import java.util.Locale;
import java.util.Optional;

/** The two languages of the product. Only these locales are ever set on a view. */
public enum Language {
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE), EN("en", Locale.ENGLISH);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Language> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (Language l : values()) {
            if (l.tag.equalsIgnoreCase(tag.trim()) || l.name().equalsIgnoreCase(tag.trim())) {
                return Optional.of(l);
            }
        }
        return tag.trim().toLowerCase().startsWith("zh") ? Optional.of(ZH_CN)
                : tag.trim().toLowerCase().startsWith("en") ? Optional.of(EN) : Optional.empty();
    }

    public static Language of(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? EN : ZH_CN;
    }
}
