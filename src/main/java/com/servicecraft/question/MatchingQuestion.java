package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.LocalizedText;

import java.util.List;

/** Match every left side to its right side (also the stress-and-meaning drill). */
public record MatchingQuestion(String id, QuestionInfo info, List<MatchPair> pairs) implements Question {

    @JsonCreator
    static MatchingQuestion fromContent(@JsonProperty("id") String id, @JsonProperty("topic") String topic,
                          @JsonProperty("difficulty") String difficulty, @JsonProperty("postTest") boolean postTest,
                          @JsonProperty("prompt") LocalizedText prompt, @JsonProperty("explanation") LocalizedText explanation,
                          @JsonProperty("distractor") LocalizedText distractor, @JsonProperty("pairs") List<MatchPair> pairs) {
        return new MatchingQuestion(id, new QuestionInfo(topic, difficulty, postTest, prompt, explanation, distractor), List.copyOf(pairs));
    }

    @Override
    public String typeName() {
        return "matching";
    }
}
