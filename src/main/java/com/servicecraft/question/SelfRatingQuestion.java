package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.LocalizedText;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Statements rated 1 to 5 by the trainee about themselves; no right answer. */
public record SelfRatingQuestion(String id, QuestionInfo info, List<TextItem> statements) implements Question {

    @JsonCreator
    static SelfRatingQuestion fromContent(@JsonProperty("id") String id, @JsonProperty("topic") String topic,
                          @JsonProperty("difficulty") String difficulty, @JsonProperty("postTest") boolean postTest,
                          @JsonProperty("prompt") LocalizedText prompt, @JsonProperty("explanation") LocalizedText explanation,
                          @JsonProperty("distractor") LocalizedText distractor, @JsonProperty("statements") List<TextItem> statements) {
        return new SelfRatingQuestion(id, new QuestionInfo(topic, difficulty, postTest, prompt, explanation, distractor), List.copyOf(statements));
    }

    @Override
    public String typeName() {
        return "self-rating";
    }

    @Override
    public boolean checkable() {
        return false;
    }

    @Override
    public boolean scored() {
        return false;
    }

    @Override
    public List<String> contentProblems(boolean inListeningGame) {
        Set<String> seen = new HashSet<>();
        return statements.stream().map(TextItem::id).filter(i -> !seen.add(i)).map(i -> "duplicate id " + i).toList();
    }

    @Override
    public Presentation present(Map<String, ?> tokenToId, Language lang) {
        return Presentation.statements(statements.stream().map(st -> new Opt(st.id(), st.text().in(lang))).toList());
    }

    @Override
    public Answer read(PageInput in) {
        Map<String, Integer> r = new LinkedHashMap<>();
        in.pairs().forEach((statement, value) -> {
            try {
                r.put(statement, Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new ForgedAnswerException("not a rating");
            }
        });
        return new Answer.Ratings(r);
    }

    @Override
    public boolean complete(Answer a) {
        return a instanceof Answer.Ratings r && r.ratings().size() == statements.size();
    }

    @Override
    public boolean fits(Answer a) {
        Set<String> ids = statements.stream().map(TextItem::id).collect(Collectors.toSet());
        return a instanceof Answer.Ratings r && ids.containsAll(r.ratings().keySet())
                && r.ratings().values().stream().allMatch(v -> v >= 1 && v <= 5);
    }

    @Override
    public Grade grade(Answer a) {
        return Grade.unscored();
    }

    @Override
    public String describe(Answer a, Language lang) {
        if (!(a instanceof Answer.Ratings r)) {
            return null;
        }
        return statements.stream().map(st -> st.text().in(lang) + ": " + r.ratings().getOrDefault(st.id(), 0))
                .collect(Collectors.joining("\n"));
    }
}
