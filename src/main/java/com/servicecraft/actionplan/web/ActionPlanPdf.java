package com.servicecraft.actionplan.web;

import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.actionplan.ActionPlan;
import com.servicecraft.actionplan.ActionPlanEvent;
import com.servicecraft.actionplan.ActionPlanGoal;
import com.servicecraft.actionplan.ActionPlanService;
import com.servicecraft.actionplan.FollowUp;
import com.servicecraft.actionplan.GoalField;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.pdf.PdfReport;
import com.servicecraft.shared.web.Messages;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Writes an action plan (goals, follow-ups, review history) with {@link PdfReport}. */
public final class ActionPlanPdf {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ActionPlanPdf() {
    }

    /** The plan with the service's names (trainee, reviewers), template title and today's date. */
    public static void write(OutputStream out, ActionPlan plan, ActionPlanService plans, Language lang) {
        Set<Long> people = new HashSet<>();
        people.add(plan.getUserId());
        plan.getEvents().forEach(e -> people.add(e.getActorId()));
        String title = plans.template().map(t -> t.title().in(lang)).orElse(Messages.text(lang.locale(), "actionPlan.title"));
        write(out, plan, title, plans.names(people), plans.today(), lang);
    }

    /** {@code names}: display names of the trainee and the people in the history, by user id. */
    public static void write(OutputStream out, ActionPlan plan, String title, Map<Long, String> names, LocalDate today, Language lang) {
        Locale l = lang.locale();
        try (PdfReport pdf = PdfReport.start(out, title)) {
            pdf.keyValue(Messages.text(l, "pdf.trainee"), names.getOrDefault(plan.getUserId(), ""));
            pdf.keyValue(Messages.text(l, "actionPlan.status"), Messages.text(l, "actionPlan.status." + plan.getStatus()));
            if (plan.getApprovedAt() != null) {
                pdf.keyValue(Messages.text(l, "actionPlan.approvedAt"), time(plan.getApprovedAt()));
            }
            for (ActionPlanGoal g : plan.getGoals()) {
                pdf.heading(Messages.text(l, "actionPlan.goal") + " " + (g.getPosition() + 1));
                for (GoalField f : GoalField.values()) {
                    pdf.keyValue(Messages.text(l, "goal." + f.contentId()), g.get(f));
                }
            }
            if (!plan.getFollowUps().isEmpty()) {
                pdf.heading(Messages.text(l, "actionPlan.followUps"));
                List<List<String>> rows = new ArrayList<>();
                for (FollowUp f : plan.getFollowUps()) {
                    StringBuilder progress = new StringBuilder();
                    f.getEntries().forEach(e -> progress.append(Messages.text(l, "actionPlan.goal")).append(' ').append(e.getGoalPosition() + 1)
                            .append(": ").append(Messages.text(l, "actionPlan.progress." + e.getStatus())).append(" — ")
                            .append(e.getProgress()).append('\n'));
                    rows.add(List.of(Messages.text(l, "actionPlan.followUp.dayN", f.getDay()), f.getDueDate().toString(),
                            Messages.text(l, "actionPlan.followUp.state." + f.state(today)), progress.toString().strip()));
                }
                pdf.table(List.of(Messages.text(l, "actionPlan.followUp.day"), Messages.text(l, "actionPlan.followUp.due"),
                        Messages.text(l, "actionPlan.followUp.state"), Messages.text(l, "actionPlan.followUp.progress")), rows);
            }
            if (!plan.getEvents().isEmpty()) {
                pdf.heading(Messages.text(l, "actionPlan.history"));
                List<List<String>> rows = new ArrayList<>();
                for (ActionPlanEvent e : plan.getEvents()) {
                    rows.add(List.of(time(e.getAt()), Messages.text(l, "actionPlan.event." + e.getEvent()),
                            names.getOrDefault(e.getActorId(), "#" + e.getActorId()), e.getComment() == null ? "" : e.getComment()));
                }
                pdf.table(List.of(Messages.text(l, "actionPlan.history.when"), Messages.text(l, "actionPlan.history.event"),
                        Messages.text(l, "actionPlan.history.by"), Messages.text(l, "actionPlan.history.comment")), rows);
            }
        }
    }

    private static String time(Instant at) {
        return at == null ? "" : DATE_TIME.withZone(OrganisationZone.zone()).format(at);
    }
}
