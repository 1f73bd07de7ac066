package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.LocalizedText;

import java.util.List;

/** One right option among several. */
public record SingleChoiceQuestion(String id, QuestionInfo info, List<Choice> options) implements Question {

    @JsonCreator
    static SingleChoiceQuestion fromContent(@JsonProperty("id") String id, @JsonProperty("topic") String topic,
                          @JsonProperty("difficulty") String difficulty, @JsonProperty("postTest") boolean postTest,
                          @JsonProperty("prompt") LocalizedText prompt, @JsonProperty("explanation") LocalizedText explanation,
                          @JsonProperty("distractor") LocalizedText distractor, @JsonProperty("options") List<Choice> options) {
        return new SingleChoiceQuestion(id, new QuestionInfo(topic, difficulty, postTest, prompt, explanation, distractor), List.copyOf(options));
    }

    @Override
    public String typeName() {
        return "single-choice";
    }
}
