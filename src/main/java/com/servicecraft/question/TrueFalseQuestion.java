package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.LocalizedText;
import com.servicecraft.shared.web.Messages;

import java.util.List;
import java.util.Map;

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

    @Override
    public boolean allowedInPostTest() {
        return true;
    }

    @Override
    public Presentation present(Map<String, ?> tokenToId, Language lang) {
        return Presentation.options(List.of(new Opt("true", Messages.text(lang.locale(), "quiz.true")),
                new Opt("false", Messages.text(lang.locale(), "quiz.false"))));
    }

    @Override
    public Answer read(PageInput in) {
        String v = in.first();
        if (v == null) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new ForgedAnswerException("not a true/false value");
        }
        return new Answer.Bool(Boolean.parseBoolean(v));
    }

    @Override
    public boolean complete(Answer a) {
        return a != null;
    }

    @Override
    public boolean fits(Answer a) {
        return a instanceof Answer.Bool;
    }

    @Override
    public Grade grade(Answer a) {
        return Grade.of(a instanceof Answer.Bool b && b.value() == answer ? 1 : 0);
    }

    @Override
    public String describe(Answer a, Language lang) {
        return a instanceof Answer.Bool b ? Texts.yesNo(b.value(), lang) : null;
    }

    @Override
    public String rightAnswer(Language lang) {
        return Texts.yesNo(answer, lang);
    }

    @Override
    public List<String> chosenLabels(String chosen, Language lang) {
        return "true".equals(chosen) || "false".equals(chosen) ? List.of(Messages.text(lang.locale(), "quiz." + chosen)) : null;
    }
}
