package com.servicecraft.actionplan.web;

import com.servicecraft.actionplan.ActionPlan;
import com.servicecraft.actionplan.ActionPlanGoal;
import com.servicecraft.actionplan.ActionPlanService;
import com.servicecraft.actionplan.FollowUp;
import com.servicecraft.actionplan.FollowUpState;
import com.servicecraft.actionplan.GoalField;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trainers review the action plans of the trainees in their groups: approve, or return with a
 * comment; and see every plan's follow-ups (recorded, due, overdue). {@code ?plan=} opens one
 * plan; the service refuses plans of other trainers' trainees, whatever id is asked for.
 */
@Named
@ViewScoped
public class ActionPlansPage implements Serializable {
    /** Bundle keys actionPlan.progress.ON_TRACK, … */
    private static final String PROGRESS_KEY = "actionPlan.progress.";

    @Inject
    ActionPlanService plans;

    private Long planId;
    private List<ActionPlanService.ReviewRow> rows = List.of();
    private ActionPlan selected;
    private Map<Long, String> names = Map.of();
    private String comment;
    private LocalDate today;

    public void onLoad() throws IOException {
        today = plans.today();
        rows = plans.reviewList();
        if (planId != null) {
            try {
                open(plans.forReview(planId));
            } catch (AccessDeniedException e) {
                FacesContext ctx = FacesContext.getCurrentInstance();
                ctx.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, "not your trainee's plan");
                ctx.responseComplete();
            }
        }
    }

    private void open(ActionPlan plan) {
        selected = plan;
        Set<Long> people = new HashSet<>();
        people.add(plan.getUserId());
        plan.getEvents().forEach(e -> people.add(e.getActorId()));
        names = plans.names(people);
    }

    /** Which input each refusal of a review is about. */
    public static final java.util.Map<String, String> INPUT_OF_REFUSAL = java.util.Map.of(
            "actionPlan.error.commentRequired", "reviewForm:comment", "actionPlan.error.commentTooLong", "reviewForm:comment");

    public void approve() {
        try {
            open(plans.approve(selected.getId(), selected.getVersion(), comment));
            comment = null;
            rows = plans.reviewList();
            Messages.info("actionPlan.review.approved");
        } catch (UserInputException e) {
            Messages.error(e, INPUT_OF_REFUSAL);
        }
    }

    public void returnPlan() {
        try {
            open(plans.returnPlan(selected.getId(), selected.getVersion(), comment));
            comment = null;
            rows = plans.reviewList();
            Messages.info("actionPlan.review.returned");
        } catch (UserInputException e) {
            Messages.error(e, INPUT_OF_REFUSAL);
        }
    }

    public FollowUpState state(FollowUp f) {
        return f.state(today);
    }

    public String goalText(ActionPlanGoal g, GoalField f) {
        return g.get(f);
    }

    public String progressOf(FollowUp f, int position) {
        return f.entry(position).map(e -> Messages.text(PROGRESS_KEY + e.getStatus()) + " — " + e.getProgress()).orElse("");
    }

    public String dayLabel(int day) {
        return Messages.text("actionPlan.followUp.dayN", day);
    }

    public String name(long userId) {
        return names.getOrDefault(userId, "#" + userId);
    }

    public GoalField[] getGoalFields() {
        return GoalField.values();
    }

    public Long getPlanId() { return planId; }
    public void setPlanId(Long planId) { this.planId = planId; }
    public List<ActionPlanService.ReviewRow> getRows() { return rows; }
    public ActionPlan getSelected() { return selected; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public int getMaxComment() { return ActionPlan.MAX_COMMENT; }
}
