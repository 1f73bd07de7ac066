package com.servicecraft.question;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.servicecraft.question.Question;

/** Builds questions from content-format YAML, so tests read like the content files. */
public final class QuestionBuilder {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private QuestionBuilder() {
    }

    public static <T extends Question> T question(Class<T> type, String yaml) {
        try {
            return type.cast(YAML.readValue(yaml, Question.class));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
