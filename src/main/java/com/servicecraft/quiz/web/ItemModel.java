package com.servicecraft.quiz.web;

import com.servicecraft.shared.Language;
import com.servicecraft.quiz.Answer;
import com.servicecraft.quiz.AnswerCodec;
import com.servicecraft.quiz.AttemptItem;
import com.servicecraft.question.Choice;
import com.servicecraft.question.FreeTextQuestion;
import com.servicecraft.question.InferenceQuestion;
import com.servicecraft.question.MatchPair;
import com.servicecraft.question.MatchingQuestion;
import com.servicecraft.question.MultipleChoiceQuestion;
import com.servicecraft.question.OrderingQuestion;
import com.servicecraft.question.Question;
import com.servicecraft.question.RolePlayQuestion;
import com.servicecraft.question.SelfRatingQuestion;
import com.servicecraft.question.SingleChoiceQuestion;
import com.servicecraft.question.TextItem;
import com.servicecraft.question.TrueFalseQuestion;
import com.servicecraft.shared.web.Messages;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One question as the attempt page shows it, with the trainee's current input. Built only from
 * what a trainee may see before submitting: texts and per-attempt tokens, no keys, no explanations.
 */
public class ItemModel implements Serializable {
    private final int position;
    private final String questionId;
    private final String type;
    private final String prompt;
    private final Map<String, String> tokenToId = new HashMap<>();
    private final Map<String, String> idToToken = new HashMap<>();
    private final List<Opt> options = new ArrayList<>();
    private final List<Opt> lefts = new ArrayList<>();
    private final List<Opt> statements = new ArrayList<>();
    private List<Opt> order = new ArrayList<>();
    private final int minChars;

    private String selected;
    private List<String> selectedMany = new ArrayList<>();
    private String inference;
    private Map<String, String> matches = new LinkedHashMap<>();
    private String text;
    private Map<String, Integer> ratings = new LinkedHashMap<>();
    private Instant savedAt;

    // Role-play state: derived from the saved path.
    private String scenario;
    private List<String> path = new ArrayList<>();
    private List<Turn> transcript = new ArrayList<>();
    private String customerLine;
    private boolean checkable;
    private List<Opt> responses = new ArrayList<>();
    private boolean conversationOver;
    private String outcome;
    private transient RolePlayQuestion rolePlay;

    public ItemModel(AttemptItem item, Question q, Language lang) {
        this.position = item.getPosition();
        this.questionId = item.getQuestionId();
        this.type = q.typeName();
        this.checkable = q.checkable();
        this.prompt = q.info().prompt() == null ? null : q.info().prompt().in(lang);
        this.minChars = q instanceof FreeTextQuestion f ? f.minChars() : 0;
        Map<String, Object> map = AnswerCodec.map(item.getOptionMap());
        map.forEach((token, id) -> {
            tokenToId.put(token, id.toString());
            idToToken.put(id.toString(), token);
        });
        build(q, lang, map);
        restore(AnswerCodec.read(item.getResponse()));
        this.savedAt = item.getSavedAt();
    }

    private void build(Question q, Language lang, Map<String, Object> map) {
        if (q instanceof SingleChoiceQuestion s) {
            map.forEach((t, id) -> options.add(new Opt(t, choiceText(s.options(), id.toString(), lang))));
        } else if (q instanceof MultipleChoiceQuestion m) {
            map.forEach((t, id) -> options.add(new Opt(t, choiceText(m.options(), id.toString(), lang))));
        } else if (q instanceof TrueFalseQuestion) {
            options.add(new Opt("true", Messages.text(lang.locale(), "quiz.true")));
            options.add(new Opt("false", Messages.text(lang.locale(), "quiz.false")));
        } else if (q instanceof MatchingQuestion m) {
            m.pairs().forEach(p -> lefts.add(new Opt(p.id(), p.left().in(lang))));
            map.forEach((t, id) -> options.add(new Opt(t, m.pairs().stream().filter(p -> p.id().equals(id)).findFirst()
                    .map(MatchPair::right).map(r -> r.in(lang)).orElse(""))));
        } else if (q instanceof OrderingQuestion o) {
            map.forEach((t, id) -> order.add(new Opt(t, o.items().stream().filter(i -> i.id().equals(id)).findFirst()
                    .map(TextItem::text).map(r -> r.in(lang)).orElse(""))));
        } else if (q instanceof InferenceQuestion i) {
            statements.add(new Opt(i.id(), i.statement().in(lang)));
        } else if (q instanceof SelfRatingQuestion s) {
            s.statements().forEach(st -> statements.add(new Opt(st.id(), st.text().in(lang))));
        } else if (q instanceof RolePlayQuestion r) {
            rolePlay = r;
            scenario = r.scenario().in(lang);
        }
    }

    private static String choiceText(List<Choice> options, String id, Language lang) {
        return options.stream().filter(o -> o.id().equals(id)).findFirst().map(o -> o.text().in(lang)).orElse("");
    }

    private void restore(Answer a) {
        if (a instanceof Answer.Choices c) {
            List<String> tokens = c.ids().stream().map(idToToken::get).filter(t -> t != null).toList();
            selectedMany = new ArrayList<>(tokens);
            selected = tokens.isEmpty() ? null : tokens.get(0);
        } else if (a instanceof Answer.Bool b) {
            selected = String.valueOf(b.value());
        } else if (a instanceof Answer.Matches m) {
            m.leftToRight().forEach((left, right) -> matches.put(left, idToToken.get(right)));
        } else if (a instanceof Answer.Order o) {
            List<Opt> restored = new ArrayList<>();
            for (String id : o.ids()) {
                String t = idToToken.get(id);
                order.stream().filter(x -> x.key().equals(t)).findFirst().ifPresent(restored::add);
            }
            if (restored.size() == order.size()) {
                order = restored;
            }
        } else if (a instanceof Answer.Inference i) {
            inference = i.value();
        } else if (a instanceof Answer.Text t) {
            text = t.text();
        } else if (a instanceof Answer.Ratings r) {
            ratings = new LinkedHashMap<>(r.ratings());
        } else if (a instanceof Answer.Path p) {
            path = new ArrayList<>(p.choices());
        }
    }

    /** Re-walks the role-play from the start along the saved path (needs the question again after a restore). */
    public void walk(RolePlayQuestion q, Language lang) {
        rolePlay = q;
        transcript = new ArrayList<>();
        RolePlayQuestion.Node node = q.node(q.start()).orElseThrow();
        for (String choice : path) {
            RolePlayQuestion.Response r = node.option(choice).orElse(null);
            if (r == null) {
                break;
            }
            transcript.add(new Turn(node.customer().in(lang), r.text().in(lang)));
            node = q.node(r.next()).orElseThrow();
        }
        customerLine = node.customer().in(lang);
        conversationOver = node.end();
        outcome = node.end() && node.outcome() != null ? node.outcome().in(lang) : null;
        responses = node.options().stream().map(o -> new Opt(o.id(), o.text().in(lang))).toList();
    }

    /** The current input as an answer in content ids; null when nothing usable was given. */
    public Answer toAnswer() {
        switch (type) {
            case "single-choice":
                return selected == null ? null : new Answer.Choices(tokensToIds(Set.of(selected)));
            case "multiple-choice":
                return new Answer.Choices(tokensToIds(new HashSet<>(selectedMany)));
            case "true-false":
                return selected == null ? null : new Answer.Bool(Boolean.parseBoolean(selected));
            case "matching": {
                Map<String, String> m = new LinkedHashMap<>();
                matches.forEach((left, token) -> {
                    if (token != null && tokenToId.containsKey(token)) {
                        m.put(left, tokenToId.get(token));
                    }
                });
                return new Answer.Matches(m);
            }
            case "ordering":
                return new Answer.Order(order.stream().map(o -> tokenToId.get(o.key())).toList());
            case "inference":
                return inference == null ? null : new Answer.Inference(inference);
            case "free-text":
                return new Answer.Text(text == null ? "" : text);
            case "self-rating":
                return new Answer.Ratings(ratings);
            case "role-play":
                return new Answer.Path(path);
            default:
                return null;
        }
    }

    private Set<String> tokensToIds(Set<String> tokens) {
        Set<String> ids = new HashSet<>();
        for (String t : tokens) {
            String id = tokenToId.get(t);
            if (id == null) {
                throw new com.servicecraft.identity.AccessDeniedException("unknown option token");
            }
            ids.add(id);
        }
        return ids;
    }

    public boolean isAnswered() {
        return switch (type) {
            case "single-choice", "true-false" -> selected != null;
            case "multiple-choice" -> !selectedMany.isEmpty();
            case "matching" -> matches.values().stream().filter(v -> v != null).count() == lefts.size();
            case "ordering" -> savedAt != null;
            case "inference" -> inference != null;
            case "free-text" -> text != null && !text.isBlank();
            case "self-rating" -> ratings.size() == statements.size();
            case "role-play" -> conversationOver;
            default -> false;
        };
    }

    public void moveUp(int index) {
        if (index > 0 && index < order.size()) {
            Opt o = order.remove(index);
            order.add(index - 1, o);
        }
    }

    public void moveDown(int index) {
        if (index >= 0 && index < order.size() - 1) {
            Opt o = order.remove(index);
            order.add(index + 1, o);
        }
    }

    public void choose(String responseId) {
        path.add(responseId);
    }

    public void undoChoice() {
        if (!path.isEmpty()) {
            path.remove(path.size() - 1);
        }
    }

    public int getPosition() { return position; }
    public int getNumber() { return position + 1; }
    public String getQuestionId() { return questionId; }
    public String getType() { return type; }
    public boolean isCheckable() { return checkable; }
    public String getPrompt() { return prompt; }
    public List<Opt> getOptions() { return options; }
    public List<Opt> getLefts() { return lefts; }
    public List<Opt> getStatements() { return statements; }
    public List<Opt> getOrder() { return order; }
    public int getMinChars() { return minChars; }
    public String getSelected() { return selected; }
    public void setSelected(String selected) { this.selected = selected; }
    public List<String> getSelectedMany() { return selectedMany; }
    public void setSelectedMany(List<String> selectedMany) { this.selectedMany = selectedMany == null ? new ArrayList<>() : selectedMany; }
    public String getInference() { return inference; }
    public void setInference(String inference) { this.inference = inference; }
    public Map<String, String> getMatches() { return matches; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Map<String, Integer> getRatings() { return ratings; }
    public Instant getSavedAt() { return savedAt; }
    public void setSavedAt(Instant savedAt) { this.savedAt = savedAt; }
    public String getScenario() { return scenario; }
    public List<Turn> getTranscript() { return transcript; }
    public String getCustomerLine() { return customerLine; }
    public List<Opt> getResponses() { return responses; }
    public boolean isConversationOver() { return conversationOver; }
    public String getOutcome() { return outcome; }
    public List<String> getPath() { return path; }
}
