package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.LocalizedText;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    @Override
    public boolean allowedInPostTest() {
        return true;
    }

    @Override
    public List<String> contentProblems(boolean inListeningGame) {
        return options.stream().anyMatch(Choice::correct) ? List.of()
                : List.of("a multiple-choice question needs at least one correct option");
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
        return new Answer.Choices(in.ids(new HashSet<>(in.values())));
    }

    @Override
    public boolean complete(Answer a) {
        return a instanceof Answer.Choices c && !c.ids().isEmpty();
    }

    @Override
    public boolean fits(Answer a) {
        return a instanceof Answer.Choices c && Texts.ids(options).containsAll(c.ids());
    }

    /**
     * Partial credit: (right options picked − wrong options picked) ÷ number of right options, never
     * below 0. Picking everything therefore earns nothing when there are as many wrong options as right ones.
     */
    @Override
    public Grade grade(Answer a) {
        if (!(a instanceof Answer.Choices c)) {
            return Grade.of(0);
        }
        Set<String> right = Texts.correct(options);
        long hits = c.ids().stream().filter(right::contains).count();
        long misses = c.ids().size() - hits;
        return Grade.of((double) (hits - misses) / right.size());
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
