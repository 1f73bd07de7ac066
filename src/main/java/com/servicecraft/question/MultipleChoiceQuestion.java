package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.LocalizedText;

import java.util.List;

/** One or more right options; partial credit, see the grader. */
public record MultipleChoiceQuestion(String id, QuestionInfo info, List<Choice> options) implements Question {

    @JsonCreator
    static MultipleChoiceQuestion fromContent(@JsonProperty("id") String id, @JsonProperty("topic") String topic,
                          @JsonProperty("difficulty") String difficulty, @JsonProperty("postTest") boolean postTest,
                          @JsonProperty("prompt") LocalizedText prompt, @JsonProperty("explanation") LocalizedText explanation,
                          @JsonProperty("distractor") LocalizedText distractor, @JsonProperty("options") List<Choice> options) {
        return new MultipleChoiceQuestion(id, new QuestionInfo(topic, difficulty, postTest, prompt, explanation, distractor), List.copyOf(options));
    }

    @Override
    public String typeName() {
        return "multiple-choice";
    }
}
