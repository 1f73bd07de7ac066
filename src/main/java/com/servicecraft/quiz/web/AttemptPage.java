package com.servicecraft.quiz.web;

import com.servicecraft.shared.web.AutosaveToken;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptItem;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.QuestionCatalog;
import com.servicecraft.quiz.SaveRefusedException;
import com.servicecraft.question.Question;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Taking an attempt: one question at a time, every change saved at once, a countdown from the
 * server's deadline, submit with a list of what is still unanswered. The view keeps only a copy
 * of what the database holds; reopening the page (or another browser) shows the same state.
 */
@Named
@ViewScoped
public class AttemptPage implements Serializable {
    /** The request parameter (a hidden field of the attempt form) that names the attempt on a postback. */
    static final String POSTED_ID = "attemptId";
    @Inject
    AttemptService attempts;
    @Inject
    QuestionCatalog catalog;
    @Inject
    ContentRepository content;
    @Inject
    LocaleSwitch locale;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;

    private long id;
    private String title;
    private List<ItemModel> items = new ArrayList<>();
    private List<AttemptItem> stored = List.of();
    private int position;
    private Instant deadline;
    private String passage;
    private int passageSeconds;
    private boolean hasPassage;
    private String saveStatus;
    private boolean saveFailed;
    private boolean practice;
    private final Map<Integer, com.servicecraft.quiz.ReviewRow> feedback = new java.util.HashMap<>();

    public void onLoad() throws IOException {
        AttemptService.AttemptData data = attempts.load(id);
        Attempt a = data.attempt();
        if (a.getUserId() != currentUser.require().id()) {
            throw new AccessDeniedException("only the trainee takes their attempt");
        }
        if (!a.getStatus().isOpen()) {
            redirect("/learn/result.xhtml?id=" + id);
            return;
        }
        title = QuizTitles.title(content, a.getKind(), a.getSourceId(), locale.current());
        deadline = a.getDeadline();
        practice = a.isPractice();
        showItems(data);
        position = Math.max(0, Math.min(a.getCurrentPosition(), items.size() - 1));
        preparePassage(a, data.items());
    }

    private void showItems(AttemptService.AttemptData data) {
        // New lists, assigned whole: a parallel request of the same view (a double click) reads
        // either the old copy or the new one, never one half-filled.
        List<ItemModel> shown = new ArrayList<>();
        for (AttemptItem item : data.items()) {
            Question q = catalog.question(item.getModuleId(), item.getModuleVersion(), item.getQuestionId());
            shown.add(new ItemModel(item, q, locale.current()));
        }
        stored = List.copyOf(data.items());
        items = shown;
    }

    /**
     * A view scope is discarded when one of its requests leaves the page (a submit that goes on to the
     * result). Other postbacks of the same view already on their way (a double click, a second tab, the
     * back button) then meet a fresh bean, and neither {@code f:viewParam} nor {@code f:viewAction} runs on
     * a postback. Such a bean loads itself from the attempt the form names ({@value #POSTED_ID}), before
     * any input reaches it: a closed attempt sends the request to its result page, the same answer the
     * first request got.
     */
    @PostConstruct
    void reloadOnPostback() {
        FacesContext fc = FacesContext.getCurrentInstance();
        String posted = fc == null || !fc.isPostback() ? null : fc.getExternalContext().getRequestParameterMap().get(POSTED_ID);
        if (posted == null || !posted.matches("\\d{1,18}")) {
            return;
        }
        id = Long.parseLong(posted);
        try {
            onLoad(); // a closed attempt: redirect and responseComplete(); nothing is loaded
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * True when this bean has nothing to work on: it was created (see {@link #reloadOnPostback()}) for a
     * request whose attempt is closed, and that request is already on its way to the result page. The
     * bean may be created as late as the action itself, so every action asks.
     */
    private boolean left() {
        return items.isEmpty();
    }

    /**
     * Most answers are saved by the autosave endpoint, not through this view: before the view shows
     * another question, the feedback or the submit confirmation, it reads the answers back from the
     * database, which stays the only place an answer lives.
     */
    public void refresh() {
        if (left()) {
            return;
        }
        AttemptService.AttemptData data = attempts.load(id);
        if (data.attempt().getStatus().isOpen()) {
            showItems(data);
        }
    }

    /** The per-session secret the page's autosave script sends along (see {@link AutosaveToken}). */
    public String getAutosaveToken() {
        return AutosaveToken.of((jakarta.servlet.http.HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true));
    }

    /** A listening game's story: in the page only the first time the attempt is opened. */
    private void preparePassage(Attempt a, List<AttemptItem> list) {
        if (list.isEmpty()) {
            return;
        }
        AttemptItem first = list.get(0);
        catalog.passage(first.getModuleId(), first.getModuleVersion(), first.getQuestionId()).ifPresent(p -> {
            hasPassage = true;
            if (a.getPassageShownAt() == null && attempts.markPassageShown(id)) {
                passage = p.passage().in(locale.current());
                passageSeconds = p.showSeconds();
            }
        });
    }

    /** Saves the current question's input (called by ajax on every change). */
    public void save() {
        if (!left()) {
            save(current());
        }
    }

    private void save(ItemModel m) {
        try {
            var answer = m.toAnswer();
            if (answer == null) {
                return;
            }
            Instant at = attempts.save(id, stored.get(m.getPosition()), answer);
            m.setSavedAt(at);
            saveFailed = false;
            saveStatus = Messages.text("quiz.savedAt", java.util.Date.from(at));
        } catch (SaveRefusedException e) {
            saveFailed = true;
            saveStatus = Messages.text(e.messageKey());
            Messages.error(e);
        }
    }

    /** Practice mode: how the current answer fares, with the explanation. */
    public void check() {
        if (left()) {
            return;
        }
        refresh();
        try {
            feedback.put(position, attempts.practiceFeedback(id, position, locale.current()));
        } catch (UserInputException e) {
            Messages.error(e);
        }
    }

    public com.servicecraft.quiz.ReviewRow getFeedback() {
        return feedback.get(position);
    }

    public boolean isPractice() {
        return practice;
    }

    public void go(int newPosition) {
        if (left()) {
            return;
        }
        if (newPosition >= 0 && newPosition < items.size()) {
            position = newPosition;
            attempts.moveTo(id, position);
        }
        refresh();
    }

    public void next() {
        go(position + 1);
    }

    public void previous() {
        go(position - 1);
    }

    public void moveUp(int index) {
        if (left()) {
            return;
        }
        current().moveUp(index);
        save();
    }

    public void moveDown(int index) {
        if (left()) {
            return;
        }
        current().moveDown(index);
        save();
    }

    /** A role-play decision: record it, save the path, and show the customer's reaction. */
    public void choose(String responseId) {
        if (left()) {
            return;
        }
        ItemModel m = current();
        if (m.isConversationOver() || m.getResponses().stream().noneMatch(r -> r.key().equals(responseId))) {
            return;
        }
        m.choose(responseId);
        try {
            save(m);
        } finally {
            m.walk(locale.current());
        }
    }

    public String submit() {
        if (left()) {
            return null;
        }
        try {
            // The submit posts the form, so the current question's input arrives here too: keep it,
            // in case its autosave was still on its way when the trainee confirmed.
            ItemModel m = current();
            if (!"ordering".equals(m.getType()) && !"role-play".equals(m.getType())) {
                save(m);
            }
            attempts.submit(id);
            return "/learn/result?faces-redirect=true&id=" + id;
        } catch (UserInputException e) {
            Messages.error(e);
            return null;
        }
    }

    public List<Integer> getUnanswered() {
        return items.stream().filter(i -> !i.isAnswered()).map(ItemModel::getNumber).toList();
    }

    public String getUnansweredText() {
        return String.join(", ", getUnanswered().stream().map(String::valueOf).toList());
    }

    /** The question shown; null only in a bean that has nothing loaded (see {@link #reloadOnPostback()}). */
    public ItemModel current() {
        List<ItemModel> shown = items;
        return shown.isEmpty() ? null : shown.get(Math.min(position, shown.size() - 1));
    }

    public long getRemainingSeconds() {
        return deadline == null ? -1 : Math.max(0, Duration.between(clock.instant(), deadline).getSeconds());
    }

    private static void redirect(String path) throws IOException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.redirect(ext.getRequestContextPath() + path);
    }

    public ItemModel getCurrent() { return current(); }
    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getTitle() { return title; }
    public List<ItemModel> getItems() { return items; }
    public int getPosition() { return position; }
    public boolean isLast() { return position == items.size() - 1; }
    public boolean isTimed() { return deadline != null; }
    public String getPassage() { return passage; }
    public int getPassageSeconds() { return passageSeconds; }
    public boolean isHasPassage() { return hasPassage; }
    public String getSaveStatus() { return saveStatus; }
    public boolean isSaveFailed() { return saveFailed; }
}
