package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.LocalizedText;

import java.util.List;

/** Steps to put in order; the content lists them in the right order. */
public record OrderingQuestion(String id, QuestionInfo info, List<TextItem> items) implements Question {

    @JsonCreator
    static OrderingQuestion fromContent(@JsonProperty("id") String id, @JsonProperty("topic") String topic,
                          @JsonProperty("difficulty") String difficulty, @JsonProperty("postTest") boolean postTest,
                          @JsonProperty("prompt") LocalizedText prompt, @JsonProperty("explanation") LocalizedText explanation,
                          @JsonProperty("distractor") LocalizedText distractor, @JsonProperty("items") List<TextItem> items) {
        return new OrderingQuestion(id, new QuestionInfo(topic, difficulty, postTest, prompt, explanation, distractor), List.copyOf(items));
    }

    @Override
    public String typeName() {
        return "ordering";
    }
}
