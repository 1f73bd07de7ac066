package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.LocalizedText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    @Override
    public boolean allowedInPostTest() {
        return true;
    }

    @Override
    public List<String> optionIds() {
        return pairs.stream().map(MatchPair::id).toList();
    }

    /** The right sides in content order would give the key away. */
    @Override
    public boolean alwaysShuffled() {
        return true;
    }

    @Override
    public Presentation present(Map<String, ?> tokenToId, Language lang) {
        List<Opt> lefts = pairs.stream().map(p -> new Opt(p.id(), p.left().in(lang))).toList();
        List<Opt> rights = new ArrayList<>();
        tokenToId.forEach((t, id) -> rights.add(new Opt(t, pairs.stream().filter(p -> p.id().equals(id)).findFirst()
                .map(MatchPair::right).map(r -> r.in(lang)).orElse(""))));
        return new Presentation(rights, lefts, List.of(), List.of(), null, 0);
    }

    @Override
    public Answer read(PageInput in) {
        Map<String, String> m = new LinkedHashMap<>();
        in.pairs().forEach((left, token) -> {
            if (token != null && !token.isEmpty()) {
                m.put(left, in.id(token));
            }
        });
        return new Answer.Matches(m);
    }

    @Override
    public boolean complete(Answer a) {
        return a instanceof Answer.Matches m && m.leftToRight().size() == pairs.size();
    }

    @Override
    public boolean fits(Answer a) {
        Set<String> ids = pairs.stream().map(MatchPair::id).collect(Collectors.toSet());
        return a instanceof Answer.Matches x && ids.containsAll(x.leftToRight().keySet()) && ids.containsAll(x.leftToRight().values());
    }

    /** The share of left sides matched to their own right side. */
    @Override
    public Grade grade(Answer a) {
        if (!(a instanceof Answer.Matches x)) {
            return Grade.of(0);
        }
        long right = pairs.stream().map(MatchPair::id).filter(id -> id.equals(x.leftToRight().get(id))).count();
        return Grade.of((double) right / pairs.size());
    }

    @Override
    public String describe(Answer a, Language lang) {
        if (!(a instanceof Answer.Matches x)) {
            return null;
        }
        return pairs.stream().map(p -> p.left().in(lang) + " → " + pairs.stream()
                        .filter(r -> r.id().equals(x.leftToRight().get(p.id()))).findFirst().map(r -> r.right().in(lang)).orElse("—"))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String rightAnswer(Language lang) {
        return pairs.stream().map(p -> p.left().in(lang) + " → " + p.right().in(lang)).collect(Collectors.joining("\n"));
    }
}
