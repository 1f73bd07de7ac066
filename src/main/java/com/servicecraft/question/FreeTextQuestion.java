package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.LocalizedText;

import java.util.List;

/** Written work graded by a trainer against a rubric (no rubric: a reflection, not scored). */
public record FreeTextQuestion(String id, QuestionInfo info, List<RubricCriterion> rubric, LocalizedText modelAnswer, int minChars) implements Question {

    @JsonCreator
    static FreeTextQuestion fromContent(@JsonProperty("id") String id, @JsonProperty("topic") String topic,
                          @JsonProperty("difficulty") String difficulty, @JsonProperty("postTest") boolean postTest,
                          @JsonProperty("prompt") LocalizedText prompt, @JsonProperty("explanation") LocalizedText explanation,
                          @JsonProperty("distractor") LocalizedText distractor, @JsonProperty("rubric") List<RubricCriterion> rubric, @JsonProperty("modelAnswer") LocalizedText modelAnswer, @JsonProperty("minChars") int minChars) {
        return new FreeTextQuestion(id, new QuestionInfo(topic, difficulty, postTest, prompt, explanation, distractor), rubric == null ? List.of() : List.copyOf(rubric), modelAnswer, minChars);
    }

    @Override
    public String typeName() {
        return "free-text";
    }

    @Override
    public boolean autoGraded() {
        return false;
    }

    @Override
    public boolean scored() {
        return !rubric.isEmpty();
    }

    public int maxPoints() {
        return rubric.stream().mapToInt(RubricCriterion::points).sum();
    }
}
