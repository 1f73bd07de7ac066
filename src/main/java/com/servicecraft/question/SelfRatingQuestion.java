package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.LocalizedText;

import java.util.List;

/** Statements rated 1 to 5 by the trainee about themselves; no right answer. */
public record SelfRatingQuestion(String id, QuestionInfo info, List<TextItem> statements) implements Question {

    @JsonCreator
    static SelfRatingQuestion fromContent(@JsonProperty("id") String id, @JsonProperty("topic") String topic,
                          @JsonProperty("difficulty") String difficulty, @JsonProperty("postTest") boolean postTest,
                          @JsonProperty("prompt") LocalizedText prompt, @JsonProperty("explanation") LocalizedText explanation,
                          @JsonProperty("distractor") LocalizedText distractor, @JsonProperty("statements") List<TextItem> statements) {
        return new SelfRatingQuestion(id, new QuestionInfo(topic, difficulty, postTest, prompt, explanation, distractor), List.copyOf(statements));
    }

    @Override
    public String typeName() {
        return "self-rating";
    }

    @Override
    public boolean checkable() {
        return false;
    }

    @Override
    public boolean scored() {
        return false;
    }
}
