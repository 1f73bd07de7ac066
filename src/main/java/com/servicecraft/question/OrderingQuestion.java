package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.LocalizedText;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Steps to put in order; the content lists them in the right order. */
public record OrderingQuestion(String id, QuestionInfo info, List<TextItem> items) implements Question {

    @JsonCreator
    static OrderingQuestion fromContent(@JsonProperty("id") String id, @JsonProperty("topic") String topic,
                          @JsonProperty("difficulty") String difficulty, @JsonProperty("postTest") boolean postTest,
                          @JsonProperty("prompt") LocalizedText prompt, @JsonProperty("explanation") LocalizedText explanation,
                          @JsonProperty("distractor") LocalizedText distractor, @JsonProperty("items") List<TextItem> items) {
        return new OrderingQuestion(id, new QuestionInfo(topic, difficulty, postTest, prompt, explanation, distractor), List.copyOf(items));
    }

    @Override
    public String typeName() {
        return "ordering";
    }

    @Override
    public boolean allowedInPostTest() {
        return true;
    }

    @Override
    public List<String> optionIds() {
        return items.stream().map(TextItem::id).toList();
    }

    /** The steps in content order would give the key away. */
    @Override
    public boolean alwaysShuffled() {
        return true;
    }

    @Override
    public Presentation present(Map<String, ?> tokenToId, Language lang) {
        List<Opt> order = new ArrayList<>();
        tokenToId.forEach((t, id) -> order.add(new Opt(t, items.stream().filter(i -> i.id().equals(id)).findFirst()
                .map(TextItem::text).map(r -> r.in(lang)).orElse(""))));
        return new Presentation(List.of(), List.of(), List.of(), order, null, 0);
    }

    /** The tokens in the order the trainee arranged them. */
    @Override
    public Answer read(PageInput in) {
        return new Answer.Order(in.values().stream().map(in::id).toList());
    }

    /** Moved with buttons, saved through the page. */
    @Override
    public boolean autosaved() {
        return false;
    }

    @Override
    public boolean complete(Answer a) {
        return a != null;
    }

    /** The page always holds an order (the shuffled one): it counts once the trainee's order was saved. */
    @Override
    public boolean answeredOnPage(Answer current, boolean saved) {
        return saved;
    }

    @Override
    public boolean fits(Answer a) {
        List<String> ids = optionIds();
        return a instanceof Answer.Order x && x.ids().size() == ids.size() && new HashSet<>(x.ids()).equals(new HashSet<>(ids));
    }

    /** The share of steps in their right place. */
    @Override
    public Grade grade(Answer a) {
        if (!(a instanceof Answer.Order x)) {
            return Grade.of(0);
        }
        List<String> correct = optionIds();
        int inPlace = 0;
        for (int i = 0; i < correct.size() && i < x.ids().size(); i++) {
            if (correct.get(i).equals(x.ids().get(i))) {
                inPlace++;
            }
        }
        return Grade.of((double) inPlace / correct.size());
    }

    @Override
    public String describe(Answer a, Language lang) {
        if (!(a instanceof Answer.Order o)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String id : o.ids()) {
            items.stream().filter(i -> i.id().equals(id)).findFirst().ifPresent(i -> out.add((out.size() + 1) + ". " + i.text().in(lang)));
        }
        return String.join("\n", out);
    }

    @Override
    public String rightAnswer(Language lang) {
        List<String> out = new ArrayList<>();
        for (TextItem i : items) {
            out.add((out.size() + 1) + ". " + i.text().in(lang));
        }
        return String.join("\n", out);
    }
}
