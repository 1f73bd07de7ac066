package com.servicecraft.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.servicecraft.shared.Language;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** A text of the course in both languages. Falls back to the other language if one is missing. */
public record LocalizedText(Map<String, String> texts) implements Serializable {

    @JsonCreator
    public LocalizedText {
        texts = Map.copyOf(texts == null ? Map.of() : texts);
    }

    public static LocalizedText of(String zh, String en) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Language.ZH_CN.tag(), zh);
        m.put(Language.EN.tag(), en);
        return new LocalizedText(m);
    }

    @JsonValue
    public Map<String, String> texts() {
        return texts;
    }

    public String in(Language language) {
        String text = texts.get(language.tag());
        if (text != null && !text.isBlank()) {
            return text;
        }
        return texts.getOrDefault(language == Language.EN ? Language.ZH_CN.tag() : Language.EN.tag(), "");
    }

    public boolean has(Language language) {
        String text = texts.get(language.tag());
        return text != null && !text.isBlank();
    }
}
