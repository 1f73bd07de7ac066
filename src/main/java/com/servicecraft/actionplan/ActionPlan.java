package com.servicecraft.actionplan;

import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.UserInputException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A trainee's action plan (行动计划): one to {@link #MAX_GOALS} goals of eight 5W2H fields, its
 * review history and, once approved, its follow-ups. The plan enforces its own lifecycle:
 * <ul>
 *   <li>DRAFT and RETURNED plans can be edited (blank fields allowed); nothing else can;</li>
 *   <li>submitting needs every field of every goal filled in;</li>
 *   <li>only a SUBMITTED plan is returned (with a comment) or approved; approval fixes the
 *       follow-up dates;</li>
 *   <li>progress is recorded against every goal, at a follow-up whose date has come.</li>
 * </ul>
 * The version column makes concurrent changes (two tabs, a double click) fail instead of
 * silently overwriting each other.
 */
@Entity
@Table(name = "action_plan")
public class ActionPlan implements java.io.Serializable {
    public static final int MAX_GOALS = 3;
    public static final int MAX_COMMENT = 2000;
    /** Field paths of a follow-up's inputs, followed by the goal's position: {@code progress.status.0}. */
    public static final String PROGRESS_STATUS = "progress.status.";
    public static final String PROGRESS_TEXT = "progress.text.";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "module_version", nullable = false, length = 16)
    private String moduleVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActionPlanStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "reviewer_id")
    private Long reviewerId;

    @Version
    private long version;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ActionPlanGoal> goals = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    private List<ActionPlanEvent> events = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL)
    @OrderBy("day")
    private List<FollowUp> followUps = new ArrayList<>();

    protected ActionPlan() {
    }

    /** A new draft with one empty goal. */
    public static ActionPlan start(long userId, String moduleVersion, Instant now) {
        ActionPlan p = new ActionPlan();
        p.userId = userId;
        p.moduleVersion = moduleVersion == null ? "-" : moduleVersion;
        p.status = ActionPlanStatus.DRAFT;
        p.createdAt = now;
        p.updatedAt = now;
        p.goals.add(new ActionPlanGoal(p, 0));
        return p;
    }

    /**
     * Replaces the goals' texts (the trainee's save or autosave). Blank fields are fine in a
     * draft; every text is limited to {@link GoalField#MAX_LENGTH} characters.
     */
    public void edit(List<Map<GoalField, String>> newGoals, Instant now) {
        if (!status.isEditable()) {
            throw new UserInputException("actionPlan.error.notEditable");
        }
        if (newGoals.isEmpty() || newGoals.size() > MAX_GOALS) {
            throw new UserInputException("actionPlan.error.goalCount", MAX_GOALS);
        }
        List<FieldProblem> tooLong = new ArrayList<>();
        for (int i = 0; i < newGoals.size(); i++) {
            for (GoalField f : GoalField.values()) {
                String text = newGoals.get(i).get(f);
                if (text != null && text.length() > GoalField.MAX_LENGTH) {
                    tooLong.add(new FieldProblem(f.path(i), "actionPlan.error.fieldTooLong", i + 1, f.label(), GoalField.MAX_LENGTH));
                }
            }
        }
        if (!tooLong.isEmpty()) {
            throw new UserInputException(tooLong);
        }
        while (goals.size() > newGoals.size()) {
            goals.remove(goals.size() - 1);
        }
        while (goals.size() < newGoals.size()) {
            goals.add(new ActionPlanGoal(this, goals.size()));
        }
        for (int i = 0; i < newGoals.size(); i++) {
            for (GoalField f : GoalField.values()) {
                String text = newGoals.get(i).get(f);
                goals.get(i).set(f, text == null || text.isBlank() ? null : text);
            }
        }
        // Always a change of the row, so that the version moves even when only a goal changed.
        updatedAt = now;
    }

    /** True when the goals hold exactly these texts (blank counted as empty): a repeated save changes nothing. */
    public boolean hasGoals(List<Map<GoalField, String>> other) {
        if (other.size() != goals.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            for (GoalField f : GoalField.values()) {
                String mine = goals.get(i).get(f) == null ? "" : goals.get(i).get(f);
                String theirs = other.get(i).get(f) == null || other.get(i).get(f).isBlank() ? "" : other.get(i).get(f);
                if (!mine.equals(theirs)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The trainee hands the plan in for review: every field of every goal must be filled in. */
    public void submit(long actorId, Instant now) {
        if (!status.isEditable()) {
            throw new UserInputException("actionPlan.error.notEditable");
        }
        List<FieldProblem> empty = emptyFields();
        if (!empty.isEmpty()) {
            throw new UserInputException(empty);
        }
        status = ActionPlanStatus.SUBMITTED;
        submittedAt = now;
        updatedAt = now;
        events.add(new ActionPlanEvent(this, ReviewEvent.SUBMITTED, null, actorId, now));
    }

    /**
     * What keeps the plan from being submitted: one problem per empty field of every goal, named
     * by goal and field ({@link GoalField#path}), in the order the page shows them.
     */
    public List<FieldProblem> emptyFields() {
        List<FieldProblem> empty = new ArrayList<>();
        for (ActionPlanGoal g : goals) {
            for (GoalField f : GoalField.values()) {
                if (g.get(f) == null || g.get(f).isBlank()) {
                    empty.add(new FieldProblem(f.path(g.getPosition()), "actionPlan.error.fieldEmpty", g.getPosition() + 1, f.label()));
                }
            }
        }
        return empty;
    }

    /** A trainer sends the plan back for changes; the comment says what to change. */
    public void returnForChanges(long reviewerId, String comment, Instant now) {
        requireSubmitted();
        requireOther(reviewerId);
        if (comment == null || comment.isBlank()) {
            throw new UserInputException("actionPlan.error.commentRequired");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new UserInputException("actionPlan.error.commentTooLong", MAX_COMMENT);
        }
        status = ActionPlanStatus.RETURNED;
        this.reviewerId = reviewerId;
        updatedAt = now;
        events.add(new ActionPlanEvent(this, ReviewEvent.RETURNED, comment.strip(), reviewerId, now));
    }

    /**
     * A trainer approves the plan (an optional comment); its follow-ups fall due the given numbers
     * of days after {@code approvalDate}.
     */
    public void approve(long reviewerId, String comment, List<Integer> followUpDays, LocalDate approvalDate, Instant now) {
        requireSubmitted();
        requireOther(reviewerId);
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new UserInputException("actionPlan.error.commentTooLong", MAX_COMMENT);
        }
        status = ActionPlanStatus.APPROVED;
        this.reviewerId = reviewerId;
        approvedAt = now;
        updatedAt = now;
        events.add(new ActionPlanEvent(this, ReviewEvent.APPROVED, comment == null || comment.isBlank() ? null : comment.strip(), reviewerId, now));
        for (int day : new TreeSet<>(followUpDays)) {
            followUps.add(new FollowUp(this, day, approvalDate.plusDays(day)));
        }
    }

    /** One goal's progress at a follow-up, as the trainee records it. */
    public record Progress(ProgressStatus status, String text) {
    }

    /** The trainee records progress against every goal at the follow-up of {@code day}, once it has come. */
    public void recordFollowUp(int day, Map<Integer, Progress> byGoalPosition, LocalDate today, Instant now) {
        if (status != ActionPlanStatus.APPROVED) {
            throw new UserInputException("actionPlan.error.notApproved");
        }
        FollowUp f = followUp(day).orElseThrow(() -> new UserInputException("actionPlan.error.noFollowUp"));
        if (!f.isOpenOn(today)) {
            throw new UserInputException("actionPlan.error.followUpNotDue", f.getDueDate().toString());
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (ActionPlanGoal g : goals) {
            int n = g.getPosition();
            Progress p = byGoalPosition.get(n);
            if (p == null || p.status() == null) {
                problems.add(new FieldProblem(PROGRESS_STATUS + n, "actionPlan.error.followUpNoStatus", n + 1));
            }
            if (p == null || p.text() == null || p.text().isBlank()) {
                problems.add(new FieldProblem(PROGRESS_TEXT + n, "actionPlan.error.followUpNoText", n + 1));
            } else if (p.text().length() > GoalField.MAX_LENGTH) {
                problems.add(new FieldProblem(PROGRESS_TEXT + n, "actionPlan.error.followUpTooLong", n + 1, GoalField.MAX_LENGTH));
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        for (ActionPlanGoal g : goals) {
            Progress p = byGoalPosition.get(g.getPosition());
            f.record(g.getPosition(), p.status(), p.text().strip());
        }
        f.recorded(now);
        updatedAt = now;
    }

    public Optional<FollowUp> followUp(int day) {
        return followUps.stream().filter(f -> f.getDay() == day).findFirst();
    }

    /** The comment of the latest return, while the plan is returned. */
    public Optional<String> returnComment() {
        if (status != ActionPlanStatus.RETURNED) {
            return Optional.empty();
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).getEvent() == ReviewEvent.RETURNED) {
                return Optional.ofNullable(events.get(i).getComment());
            }
        }
        return Optional.empty();
    }

    /** How many times the plan was submitted (a resubmission after a return counts again). */
    public long submissions() {
        return events.stream().filter(e -> e.getEvent() == ReviewEvent.SUBMITTED).count();
    }

    private void requireSubmitted() {
        if (status != ActionPlanStatus.SUBMITTED) {
            throw new UserInputException("actionPlan.error.notSubmitted");
        }
    }

    private void requireOther(long reviewer) {
        if (reviewer == userId) {
            throw new UserInputException("actionPlan.error.ownPlan");
        }
    }

    public Long getId() { return id; }
    public long getUserId() { return userId; }
    public String getModuleVersion() { return moduleVersion; }
    public ActionPlanStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getApprovedAt() { return approvedAt; }
    public Long getReviewerId() { return reviewerId; }
    public long getVersion() { return version; }
    public List<ActionPlanGoal> getGoals() { return List.copyOf(goals); }
    public List<ActionPlanEvent> getEvents() { return List.copyOf(events); }
    public List<FollowUp> getFollowUps() { return List.copyOf(followUps); }
}
