package com.servicecraft.actionplan.web;

import com.servicecraft.actionplan.ActionPlan;
import com.servicecraft.actionplan.ActionPlanEvent;
import com.servicecraft.actionplan.ActionPlanGoal;
import com.servicecraft.actionplan.ActionPlanService;
import com.servicecraft.actionplan.FollowUp;
import com.servicecraft.actionplan.FollowUpState;
import com.servicecraft.actionplan.GoalField;
import com.servicecraft.actionplan.ProgressStatus;
import com.servicecraft.content.Exercise;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Dates;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The trainee's action plan: write and submit the goals, read the trainer's comments, record follow-ups. */
@Named
@ViewScoped
public class ActionPlanPage implements Serializable {
    /** Bundle keys actionPlan.progress.ON_TRACK, … */
    private static final String PROGRESS_KEY = "actionPlan.progress.";

    @Inject
    ActionPlanService plans;
    @Inject
    LocaleSwitch locale;
    @Inject
    Dates dates;

    /** One of the eight questions as the page shows it: short label and the course's prompt. */
    public record FieldPrompt(String id, String prompt) implements Serializable {
    }

    /** A goal being edited: the texts by field id ("what", "howMuch", …), bound straight from the page. */
    public static class GoalForm implements Serializable {
        private final Map<String, String> fields = new LinkedHashMap<>();

        public Map<String, String> getFields() {
            return fields;
        }
    }

    /** One goal's progress being recorded at a follow-up. */
    public static class ProgressForm implements Serializable {
        private ProgressStatus status;
        private String text;

        public ProgressStatus getStatus() { return status; }
        public void setStatus(ProgressStatus status) { this.status = status; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    private ActionPlan plan;
    private List<GoalForm> goals = new ArrayList<>();
    private List<FieldPrompt> fields = List.of();
    private String title;
    private String instructions;
    private Map<Long, String> names = Map.of();
    private List<ProgressForm> progress = new ArrayList<>();
    private Instant savedAt;
    private LocalDate today;

    public void onLoad() {
        Optional<Exercise> template = plans.template();
        title = template.map(t -> t.title().in(locale.current())).orElse(Messages.text("actionPlan.title"));
        instructions = template.map(t -> t.instructions().in(locale.current())).orElse(null);
        List<FieldPrompt> prompts = new ArrayList<>();
        for (GoalField f : GoalField.values()) {
            String prompt = template.flatMap(t -> t.goalFields().stream().filter(g -> g.id().equals(f.contentId())).findFirst())
                    .map(g -> g.prompt().in(locale.current())).orElse("");
            prompts.add(new FieldPrompt(f.contentId(), prompt));
        }
        fields = prompts;
        show(plans.mine().orElse(null));
    }

    private void show(ActionPlan p) {
        plan = p;
        today = plans.today();
        goals = new ArrayList<>();
        if (p == null) {
            goals.add(new GoalForm());
        } else {
            for (ActionPlanGoal g : p.getGoals()) {
                GoalForm form = new GoalForm();
                g.fields().forEach((f, text) -> form.fields.put(f.contentId(), text));
                goals.add(form);
            }
            Collection<Long> people = new HashSet<>();
            p.getEvents().forEach(e -> people.add(e.getActorId()));
            names = plans.names(people);
        }
        progress = new ArrayList<>();
        FollowUp current = getCurrentFollowUp();
        for (int i = 0; i < goals.size(); i++) {
            ProgressForm form = new ProgressForm();
            if (current != null) {
                int position = i;
                current.entry(position).ifPresent(e -> {
                    form.status = e.getStatus();
                    form.text = e.getProgress();
                });
            }
            progress.add(form);
        }
    }

    private List<Map<GoalField, String>> goalTexts() {
        List<Map<GoalField, String>> texts = new ArrayList<>();
        for (GoalForm g : goals) {
            Map<GoalField, String> m = new EnumMap<>(GoalField.class);
            for (GoalField f : GoalField.values()) {
                m.put(f, g.fields.getOrDefault(f.contentId(), ""));
            }
            texts.add(m);
        }
        return texts;
    }

    private Long version() {
        return plan == null ? null : plan.getVersion();
    }

    public void save() {
        try {
            show(plans.saveMine(version(), goalTexts()));
            savedAt = plan.getUpdatedAt();
            Messages.info("actionPlan.saved");
        } catch (UserInputException e) {
            Messages.error(e, ActionPlanPage::clientIdOf);
        }
    }

    /** Saves while the trainee types (on leaving a field); says so next to the buttons, not as a page message. */
    public void autosave() {
        if (!isEditable()) {
            return;
        }
        try {
            ActionPlan saved = plans.saveMine(version(), goalTexts());
            plan = saved;
            savedAt = saved.getUpdatedAt();
        } catch (UserInputException e) {
            // Autosave re-renders only the save status: a refusal goes to the page messages, which always update.
            Messages.error(e);
        }
    }

    public void submit() {
        try {
            show(plans.submitMine(version(), goalTexts()));
            Messages.info("actionPlan.submitted");
        } catch (UserInputException e) {
            Messages.error(e, ActionPlanPage::clientIdOf);
        }
    }

    public void addGoal() {
        if (goals.size() < ActionPlan.MAX_GOALS) {
            goals.add(new GoalForm());
            progress.add(new ProgressForm());
        }
    }

    public void removeGoal(int index) {
        if (goals.size() > 1 && index >= 0 && index < goals.size()) {
            goals.remove(index);
        }
    }

    public void recordFollowUp() {
        FollowUp current = getCurrentFollowUp();
        if (current == null || plan == null) {
            return;
        }
        Map<Integer, ActionPlan.Progress> entries = new LinkedHashMap<>();
        for (int i = 0; i < progress.size(); i++) {
            entries.put(i, new ActionPlan.Progress(progress.get(i).status, progress.get(i).text));
        }
        try {
            show(plans.recordFollowUp(plan.getVersion(), current.getDay(), entries));
            Messages.info("actionPlan.followUp.recorded");
        } catch (UserInputException e) {
            Messages.error(e, ActionPlanPage::clientIdOf);
        }
    }

    /**
     * The input of the page that a problem's field path names (ids set in action-plan.xhtml):
     * {@code goal.1.why} is the "why" text of the second goal, {@code progress.text.0} the first
     * goal's progress at the follow-up; null for anything else (shown as a page message).
     */
    static String clientIdOf(String field) {
        String[] parts = field.split("\\.");
        try {
            if (parts.length == 3 && parts[0].equals("goal")) {
                int goal = Integer.parseInt(parts[1]);
                return GoalField.ofContentId(parts[2]).map(f -> "planForm:goals:" + goal + ":fields:" + f.ordinal() + ":text").orElse(null);
            }
            if (field.startsWith(ActionPlan.PROGRESS_STATUS)) {
                return "planForm:progress:" + Integer.parseInt(parts[2]) + ":status";
            }
            if (field.startsWith(ActionPlan.PROGRESS_TEXT)) {
                return "planForm:progress:" + Integer.parseInt(parts[2]) + ":progressText";
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** The first follow-up whose date has come and that is not recorded yet (the one to record now). */
    public FollowUp getCurrentFollowUp() {
        if (plan == null || today == null) {
            return null;
        }
        return plan.getFollowUps().stream().filter(f -> f.getRecordedAt() == null && f.isOpenOn(today)).findFirst().orElse(null);
    }

    public FollowUpState state(FollowUp f) {
        return f.state(today);
    }

    public String goalText(ActionPlanGoal g, String fieldId) {
        return GoalField.ofContentId(fieldId).map(g::get).orElse("");
    }

    public String progressOf(FollowUp f, int position) {
        return f.entry(position).map(e -> e.getProgress()).orElse("");
    }

    public String progressStatusOf(FollowUp f, int position) {
        return f.entry(position).map(e -> Messages.text(PROGRESS_KEY + e.getStatus())).orElse("");
    }

    public String dayLabel(int day) {
        return Messages.text("actionPlan.followUp.dayN", day);
    }

    public String name(long userId) {
        return names.getOrDefault(userId, "#" + userId);
    }

    public String getSavedAtText() {
        return savedAt == null ? "" : Messages.text("actionPlan.savedAt", dates.dateTime(savedAt));
    }

    public boolean isEditable() {
        return plan == null || plan.getStatus().isEditable();
    }

    public boolean isCanAddGoal() {
        return isEditable() && goals.size() < ActionPlan.MAX_GOALS;
    }

    public String getReturnComment() {
        return plan == null ? null : plan.returnComment().orElse(null);
    }

    public List<ActionPlanEvent> getEvents() {
        return plan == null ? List.of() : plan.getEvents();
    }

    public List<FollowUp> getFollowUps() {
        return plan == null ? List.of() : plan.getFollowUps();
    }

    public ProgressStatus[] getProgressStatuses() {
        return ProgressStatus.values();
    }

    public ActionPlan getPlan() { return plan; }
    public List<GoalForm> getGoals() { return goals; }
    public List<FieldPrompt> getFields() { return fields; }
    public String getTitle() { return title; }
    public String getInstructions() { return instructions; }
    public List<ProgressForm> getProgress() { return progress; }
    public int getMaxLength() { return GoalField.MAX_LENGTH; }

    /** "A plan has one to 3 goals": the limit the plan itself enforces ({@link ActionPlan#MAX_GOALS}). */
    public String getGoalLimitText() { return Messages.text("actionPlan.goalLimit", ActionPlan.MAX_GOALS); }
}
