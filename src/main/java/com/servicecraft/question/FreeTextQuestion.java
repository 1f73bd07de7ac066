package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.LocalizedText;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The longest text an answer may hold. */
    public static final int MAX_TEXT = 20_000;

    @Override
    public boolean autoGraded() {
        return false;
    }

    @Override
    public boolean scored() {
        return !rubric.isEmpty();
    }

    /** What the rubric awards at most. */
    public int maxPoints() {
        return rubric.stream().mapToInt(RubricCriterion::points).sum();
    }

    @Override
    public List<String> contentProblems(boolean inListeningGame) {
        return !rubric.isEmpty() && modelAnswer == null ? List.of("graded free text needs a modelAnswer") : List.of();
    }

    @Override
    public Presentation present(Map<String, ?> tokenToId, Language lang) {
        return new Presentation(List.of(), List.of(), List.of(), List.of(), null, minChars);
    }

    @Override
    public Answer read(PageInput in) {
        return new Answer.Text(in.first() == null ? "" : in.first());
    }

    @Override
    public boolean complete(Answer a) {
        return a instanceof Answer.Text t && !t.text().isBlank();
    }

    @Override
    public boolean fits(Answer a) {
        return a instanceof Answer.Text t && t.text().length() <= MAX_TEXT;
    }

    /** A trainer grades it against the rubric; without a rubric it is a reflection, not scored. */
    @Override
    public Grade grade(Answer a) {
        return scored() ? Grade.pending() : Grade.unscored();
    }

    @Override
    public Optional<FreeTextQuestion> writtenWork() {
        return scored() ? Optional.of(this) : Optional.empty();
    }

    @Override
    public String describe(Answer a, Language lang) {
        return a instanceof Answer.Text t ? t.text() : null;
    }

    /** The explanation, or else the model answer. */
    @Override
    public String reviewExplanation(Language lang) {
        return info.explanation() != null ? info.explanation().in(lang) : modelAnswer != null ? modelAnswer.in(lang) : null;
    }
}
