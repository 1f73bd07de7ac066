package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.LocalizedText;

import java.util.List;

/** A statement about a listening-game passage, answered YES, NO or ? (the passage does not say). */
public record InferenceQuestion(String id, QuestionInfo info, LocalizedText statement, String answer) implements Question {

    @JsonCreator
    static InferenceQuestion fromContent(@JsonProperty("id") String id, @JsonProperty("topic") String topic,
                          @JsonProperty("difficulty") String difficulty, @JsonProperty("postTest") boolean postTest,
                          @JsonProperty("prompt") LocalizedText prompt, @JsonProperty("explanation") LocalizedText explanation,
                          @JsonProperty("distractor") LocalizedText distractor, @JsonProperty("statement") LocalizedText statement, @JsonProperty("answer") String answer) {
        return new InferenceQuestion(id, new QuestionInfo(topic, difficulty, postTest, prompt, explanation, distractor), statement, answer);
    }

    @Override
    public String typeName() {
        return "inference";
    }
}
