package com.servicecraft.quiz.web;

import com.servicecraft.question.Answer;
import com.servicecraft.question.Conversation;
import com.servicecraft.question.ForgedAnswerException;
import com.servicecraft.question.Opt;
import com.servicecraft.question.PageInput;
import com.servicecraft.question.Presentation;
import com.servicecraft.question.Question;
import com.servicecraft.question.Turn;
import com.servicecraft.quiz.AnswerCodec;
import com.servicecraft.quiz.AttemptItem;
import com.servicecraft.shared.Language;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One question as the attempt page shows it, with the trainee's current input. Built only from
 * what a trainee may see before submitting (the type's {@link Presentation}): texts and per-attempt
 * tokens, no keys, no explanations. The input slots are shared by the question views
 * ({@code questions/<type>.xhtml}): {@code selected}, {@code selectedMany}, {@code inference} and
 * {@code text} are names for the same list of values; the type turns them into an answer.
 */
public class ItemModel implements Serializable {
    private final int position;
    private final String questionId;
    private final String type;
    private final String prompt;
    private final Question question;
    private final Map<String, String> tokenToId = new HashMap<>();
    private final Map<String, String> idToToken = new HashMap<>();
    private final Presentation shown;
    private List<Opt> order;

    private List<String> values = new ArrayList<>();
    private Map<String, String> matches = new LinkedHashMap<>();
    private Map<String, Integer> ratings = new LinkedHashMap<>();
    private List<String> path = new ArrayList<>();
    private Instant savedAt;

    // Role-play: derived from the path.
    private Conversation conversation;

    public ItemModel(AttemptItem item, Question q, Language lang) {
        this.position = item.getPosition();
        this.questionId = item.getQuestionId();
        this.type = q.typeName();
        this.question = q;
        this.prompt = q.info().prompt() == null ? null : q.info().prompt().in(lang);
        Map<String, Object> map = AnswerCodec.map(item.getOptionMap());
        map.forEach((token, id) -> {
            tokenToId.put(token, id.toString());
            idToToken.put(id.toString(), token);
        });
        this.shown = q.present(map, lang);
        this.order = new ArrayList<>(shown.order());
        restore(AnswerCodec.read(item.getResponse()));
        this.savedAt = item.getSavedAt();
        walk(lang);
    }

    private void restore(Answer a) {
        if (a instanceof Answer.Choices c) {
            values = new ArrayList<>(c.ids().stream().map(idToToken::get).filter(t -> t != null).toList());
        } else if (a instanceof Answer.Bool b) {
            values = new ArrayList<>(List.of(String.valueOf(b.value())));
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
            values = new ArrayList<>(List.of(i.value()));
        } else if (a instanceof Answer.Text t) {
            values = new ArrayList<>(List.of(t.text()));
        } else if (a instanceof Answer.Ratings r) {
            ratings = new LinkedHashMap<>(r.ratings());
        } else if (a instanceof Answer.Path p) {
            path = new ArrayList<>(p.choices());
        }
    }

    /** Re-walks a role-play from the start along the path chosen so far (nothing for the other types). */
    public void walk(Language lang) {
        conversation = question.converse(path, lang);
    }

    /** The page's input as the type reads it. */
    private PageInput input() {
        List<String> all = new ArrayList<>(values);
        order.forEach(o -> all.add(o.key()));
        all.addAll(path);
        Map<String, String> pairs = new LinkedHashMap<>();
        matches.forEach((k, v) -> {
            if (v != null) {
                pairs.put(k, v);
            }
        });
        // The view may have put the rating in as text: the map's value type is erased.
        ((Map<String, ?>) ratings).forEach((k, v) -> {
            if (v != null) {
                pairs.put(k, String.valueOf(v));
            }
        });
        return new PageInput(all, pairs, tokenToId);
    }

    /**
     * The current input as an answer in content ids; null when nothing usable was given.
     *
     * @throws ForgedAnswerException for input the page never offers
     */
    public Answer toAnswer() {
        return question.read(input());
    }

    public boolean isAnswered() {
        try {
            return question.answeredOnPage(toAnswer(), savedAt != null);
        } catch (ForgedAnswerException e) {
            return false;
        }
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
    public boolean isCheckable() { return question.checkable(); }
    public String getPrompt() { return prompt; }
    public List<Opt> getOptions() { return shown.options(); }
    public List<Opt> getLefts() { return shown.lefts(); }
    public List<Opt> getStatements() { return shown.statements(); }
    public List<Opt> getOrder() { return order; }
    public int getMinChars() { return shown.minChars(); }
    public String getSelected() { return values.isEmpty() ? null : values.get(0); }
    public void setSelected(String selected) { this.values = selected == null ? new ArrayList<>() : new ArrayList<>(List.of(selected)); }
    public List<String> getSelectedMany() { return values; }
    public void setSelectedMany(List<String> selectedMany) { this.values = selectedMany == null ? new ArrayList<>() : new ArrayList<>(selectedMany); }
    public String getInference() { return getSelected(); }
    public void setInference(String inference) { setSelected(inference); }
    public Map<String, String> getMatches() { return matches; }
    public String getText() { return getSelected(); }
    public void setText(String text) { setSelected(text); }
    public Map<String, Integer> getRatings() { return ratings; }
    public Instant getSavedAt() { return savedAt; }
    public void setSavedAt(Instant savedAt) { this.savedAt = savedAt; }
    public String getScenario() { return shown.scenario(); }
    public List<Turn> getTranscript() { return conversation == null ? List.of() : conversation.transcript(); }
    public String getCustomerLine() { return conversation == null ? null : conversation.customerLine(); }
    public List<Opt> getResponses() { return conversation == null ? List.of() : conversation.responses(); }
    public boolean isConversationOver() { return conversation != null && conversation.over(); }
    public String getOutcome() { return conversation == null ? null : conversation.outcome(); }
    public List<String> getPath() { return path; }
}
