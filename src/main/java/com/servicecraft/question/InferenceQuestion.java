package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.LocalizedText;

import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** YES, NO, or ? when the passage does not say. */
    static final Set<String> VALUES = Set.of("YES", "NO", "?");

    @Override
    public List<String> contentProblems(boolean inListeningGame) {
        return inListeningGame ? List.of() : List.of("inference statements belong in a listening game");
    }

    @Override
    public Presentation present(Map<String, ?> tokenToId, Language lang) {
        return Presentation.statements(List.of(new Opt(id, statement.in(lang))));
    }

    @Override
    public Answer read(PageInput in) {
        return in.first() == null ? null : new Answer.Inference(in.first());
    }

    @Override
    public boolean complete(Answer a) {
        return a != null;
    }

    @Override
    public boolean fits(Answer a) {
        return a instanceof Answer.Inference x && VALUES.contains(x.value());
    }

    @Override
    public Grade grade(Answer a) {
        return Grade.of(a instanceof Answer.Inference x && answer.equals(x.value()) ? 1 : 0);
    }

    @Override
    public String reviewPrompt(Language lang) {
        return statement.in(lang);
    }

    @Override
    public String describe(Answer a, Language lang) {
        return a instanceof Answer.Inference i ? i.value() : null;
    }

    @Override
    public String rightAnswer(Language lang) {
        return answer;
    }
}
