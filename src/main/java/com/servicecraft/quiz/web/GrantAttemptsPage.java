package com.servicecraft.quiz.web;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.CourseModule;
import com.servicecraft.quiz.AttemptGrantService;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptPlans;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Trainers grant a trainee extra attempts at a module quiz or the post-course test, with a reason. */
@Named
@ViewScoped
public class GrantAttemptsPage implements Serializable {
    @Inject
    AttemptGrantService grants;
    @Inject
    ContentRepository content;
    @Inject
    LocaleSwitch locale;

    private String username;
    private String source = "POST_TEST:" + AttemptPlans.POST_TEST_ID;
    private int extra = 1;
    private String reason;
    private String traineeFilter;
    private List<AttemptGrantService.GrantRow> history;
    private String prefillTrainee;
    private String prefillSource;

    /**
     * Opened from a trainer's notice ({@code ?trainee=…&source=KIND:id}): the form is filled in for
     * that trainee and quiz, and the history shows theirs. Whether the trainer may grant is checked
     * when granting, not here.
     */
    public void onLoad() {
        if (prefillTrainee != null && !prefillTrainee.isBlank()) {
            username = prefillTrainee.strip();
            traineeFilter = username;
        }
        if (prefillSource != null && getSources().stream().anyMatch(i -> prefillSource.equals(i.getValue()))) {
            source = prefillSource;
        }
    }

    /** Which input each refusal of a grant is about. */
    public static final java.util.Map<String, String> INPUT_OF_REFUSAL = java.util.Map.of(
            "grant.badCount", "grantForm:extra", "grant.reasonRequired", "grantForm:reason",
            "grant.unknownTrainee", "grantForm:username", "grant.notYourTrainee", "grantForm:username");

    public void grant() {
        try {
            String[] parts = source.split(":", 2);
            grants.grant(username, AttemptKind.valueOf(parts[0]), parts[1], extra, reason);
            Messages.info("grant.done", username);
            traineeFilter = username;
            history = null;
            username = null;
            reason = null;
        } catch (UserInputException e) {
            Messages.error(e, INPUT_OF_REFUSAL);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            Messages.error("quiz.notFound");
        }
    }

    public List<SelectItem> getSources() {
        List<SelectItem> items = new ArrayList<>();
        items.add(new SelectItem("POST_TEST:" + AttemptPlans.POST_TEST_ID, Messages.text("quiz.postTest")));
        if (content.course() != null) {
            for (CourseModule m : content.course().modules()) {
                if (m.hasQuiz()) {
                    items.add(new SelectItem("MODULE_QUIZ:" + m.id(), Messages.text("quiz.moduleQuiz", m.title().in(locale.current()))));
                }
            }
        }
        return items;
    }

    /** Shows the history of the trainee named in the filter (blank: of everybody). */
    public void filter() {
        history = null;
    }

    public List<AttemptGrantService.GrantRow> getHistory() {
        if (history == null) {
            history = grants.history(traineeFilter);
        }
        return history;
    }

    public String getPrefillTrainee() { return prefillTrainee; }
    public void setPrefillTrainee(String prefillTrainee) { this.prefillTrainee = prefillTrainee; }
    public String getPrefillSource() { return prefillSource; }
    public void setPrefillSource(String prefillSource) { this.prefillSource = prefillSource; }

    public String getTraineeFilter() { return traineeFilter; }
    public void setTraineeFilter(String traineeFilter) { this.traineeFilter = traineeFilter; }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public int getExtra() { return extra; }
    public void setExtra(int extra) { this.extra = extra; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
