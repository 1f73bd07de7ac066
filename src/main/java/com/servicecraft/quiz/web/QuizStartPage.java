package com.servicecraft.quiz.web;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Exercise;
import com.servicecraft.content.QuizSettings;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptPlan;
import com.servicecraft.quiz.AttemptPlans;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.ReviewPolicy;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Before an attempt: what it is, its rules, earlier results, and Start or Resume. */
@Named
@ViewScoped
public class QuizStartPage implements Serializable {
    @Inject
    AttemptService attempts;
    @Inject
    AttemptPlans plans;
    @Inject
    ContentRepository content;
    @Inject
    LocaleSwitch locale;
    @Inject
    ReviewPolicy reviewPolicy;

    private String module;
    private String exercise;
    private boolean postTest;
    private AttemptKind kind;
    private String sourceId;
    private String title;
    private String instructions;
    private String exerciseKind;
    private int questionCount;
    private QuizSettings settings;
    private transient AttemptService.Standing standing;
    private boolean available = true;
    private boolean showScores;
    private List<Exercise.GoalField> goalFields = List.of();

    public void onLoad() {
        kind = postTest ? AttemptKind.POST_TEST : exercise != null ? AttemptKind.EXERCISE : AttemptKind.MODULE_QUIZ;
        sourceId = postTest ? AttemptPlans.POST_TEST_ID : exercise != null ? exercise : module;
        if (sourceId == null) {
            available = false;
            return;
        }
        title = QuizTitles.title(content, kind, sourceId, locale.current());
        if (kind == AttemptKind.EXERCISE) {
            Exercise e = content.course() == null ? null : content.course().exercise(sourceId).orElse(null);
            if (e == null) {
                available = false;
                Messages.error("quiz.notFound");
                return;
            }
            instructions = e.instructions().in(locale.current());
            exerciseKind = e.kind();
            goalFields = e.goalFields();
            if (e.items().isEmpty()) {
                available = false;
                return;
            }
        }
        try {
            AttemptPlan plan = plans.plan(kind, sourceId);
            settings = plan.settings();
            questionCount = plan.draws().stream().mapToInt(d -> d.count() > 0 ? d.count()
                    : (int) plan.pool().stream().filter(p -> p.moduleId().equals(d.moduleId())).count()).sum();
            standing = attempts.standing(kind, sourceId);
            showScores = !standing.finished().isEmpty() && reviewPolicy.forViewer(standing.finished().get(0)).score();
        } catch (UserInputException e) {
            available = false;
            Messages.error(e);
        }
    }

    public String start() {
        try {
            long id = attempts.startOrResume(kind, sourceId);
            return "/learn/attempt?faces-redirect=true&id=" + id;
        } catch (UserInputException e) {
            Messages.error(e);
            return null;
        }
    }

    public AttemptService.Standing getStanding() {
        if (standing == null && available && settings != null) {
            standing = attempts.standing(kind, sourceId);
        }
        return standing;
    }

    public List<Attempt> getFinished() {
        return getStanding() == null ? List.of() : getStanding().finished();
    }

    /** Whether the earlier attempts' scores may be shown (the review settings are the same for all of them). */
    public boolean isShowScores() { return showScores; }

    public String getModule() { return module; }
    public void setModule(String module) { this.module = module; }
    public String getExercise() { return exercise; }
    public void setExercise(String exercise) { this.exercise = exercise; }
    public boolean isPostTest() { return postTest; }
    public void setPostTest(boolean postTest) { this.postTest = postTest; }
    public String getTitle() { return title; }
    public String getInstructions() { return instructions; }
    public String getExerciseKind() { return exerciseKind; }
    public List<Exercise.GoalField> getGoalFields() { return goalFields; }
    public int getQuestionCount() { return questionCount; }
    public QuizSettings getSettings() { return settings; }
    public boolean isAvailable() { return available; }
    public AttemptKind getKind() { return kind; }
}
