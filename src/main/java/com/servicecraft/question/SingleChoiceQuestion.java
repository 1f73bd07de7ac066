package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.LocalizedText;

import java.util.List;
import java.util.Map;
import java.util.Set;

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

    @Override
    public boolean allowedInPostTest() {
        return true;
    }

    @Override
    public List<String> contentProblems(boolean inListeningGame) {
        return options.stream().filter(Choice::correct).count() == 1 ? List.of()
                : List.of("a single-choice question needs exactly one correct option");
    }

    @Override
    public List<String> optionIds() {
        return Texts.ids(options);
    }

    @Override
    public Presentation present(Map<String, ?> tokenToId, Language lang) {
        return Texts.choices(options, tokenToId, lang);
    }

    @Override
    public Answer read(PageInput in) {
        return in.first() == null ? null : new Answer.Choices(in.ids(Set.of(in.first())));
    }

    @Override
    public boolean complete(Answer a) {
        return a instanceof Answer.Choices c && !c.ids().isEmpty();
    }

    @Override
    public boolean fits(Answer a) {
        return a instanceof Answer.Choices c && c.ids().size() <= 1 && Texts.ids(options).containsAll(c.ids());
    }

    /** One point for the right option, nothing otherwise (also for more than one pick). */
    @Override
    public Grade grade(Answer a) {
        if (!(a instanceof Answer.Choices c) || c.ids().size() != 1) {
            return Grade.of(0);
        }
        String picked = c.ids().iterator().next();
        return Grade.of(options.stream().anyMatch(o -> o.correct() && o.id().equals(picked)) ? 1 : 0);
    }

    @Override
    public String describe(Answer a, Language lang) {
        return a instanceof Answer.Choices c ? Texts.texts(options, c.ids(), lang) : null;
    }

    @Override
    public String rightAnswer(Language lang) {
        return Texts.texts(options, Texts.correct(options), lang);
    }

    @Override
    public List<String> chosenLabels(String chosen, Language lang) {
        return Texts.chosenOptions(options, chosen, lang);
    }
}
