package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.LocalizedText;

import java.util.List;

/** A statement that is true or false. */
public record TrueFalseQuestion(String id, QuestionInfo info, boolean answer) implements Question {

    @JsonCreator
    static TrueFalseQuestion fromContent(@JsonProperty("id") String id, @JsonProperty("topic") String topic,
                          @JsonProperty("difficulty") String difficulty, @JsonProperty("postTest") boolean postTest,
                          @JsonProperty("prompt") LocalizedText prompt, @JsonProperty("explanation") LocalizedText explanation,
                          @JsonProperty("distractor") LocalizedText distractor, @JsonProperty("answer") boolean answer) {
        return new TrueFalseQuestion(id, new QuestionInfo(topic, difficulty, postTest, prompt, explanation, distractor), answer);
    }

    @Override
    public String typeName() {
        return "true-false";
    }
}
