package com.servicecraft.actionplan;

import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.UserInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The action plan's lifecycle rules, without a database or a container. */
class ActionPlanTest {
    static final long TRAINEE = 7;
    static final long TRAINER = 3;
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    static Map<GoalField, String> goal(String name) {
        return Goals.filled(name);
    }

    static ActionPlan submitted() {
        ActionPlan p = ActionPlan.start(TRAINEE, "v1", NOW);
        p.edit(List.of(goal("目标 1"), goal("目标 2")), NOW);
        p.submit(TRAINEE, NOW);
        return p;
    }

    static String key(Runnable r) {
        return assertThrows(UserInputException.class, r::run).messageKey();
    }

    @Test
    void aNewPlanIsAnEditableDraftWithOneEmptyGoal() {
        ActionPlan p = ActionPlan.start(TRAINEE, "v1", NOW);
        assertEquals(ActionPlanStatus.DRAFT, p.getStatus());
        assertEquals(1, p.getGoals().size());
        assertEquals("", p.getGoals().get(0).fields().get(GoalField.WHAT));
    }

    @Test
    void aDraftKeepsBlankFieldsButCannotBeSubmittedUntilEveryFieldOfEveryGoalIsFilled() {
        ActionPlan p = ActionPlan.start(TRAINEE, "v1", NOW);
        Map<GoalField, String> half = goal("目标 2");
        half.put(GoalField.MEASURE, "  ");
        p.edit(List.of(goal("目标 1"), half), NOW);
        UserInputException refused = assertThrows(UserInputException.class, () -> p.submit(TRAINEE, NOW));
        assertEquals(List.of(new FieldProblem("goal.1.measure", "actionPlan.error.fieldEmpty", 2, new FieldProblem.Label("goal.measure"))),
                refused.problems(), "the refusal names the goal and the field");
        assertEquals(ActionPlanStatus.DRAFT, p.getStatus());

        half.put(GoalField.MEASURE, "每周抱怨从 4 次降到 1 次以下");
        p.edit(List.of(goal("目标 1"), half), NOW);
        p.submit(TRAINEE, NOW.plusSeconds(60));
        assertEquals(ActionPlanStatus.SUBMITTED, p.getStatus());
        assertEquals(NOW.plusSeconds(60), p.getSubmittedAt());
        assertEquals(List.of(ReviewEvent.SUBMITTED), p.getEvents().stream().map(ActionPlanEvent::getEvent).toList());
    }

    @Test
    void anEmptyPlanNamesEveryEmptyFieldOfEveryGoalInPageOrder() {
        ActionPlan p = ActionPlan.start(TRAINEE, "v1", NOW);
        Map<GoalField, String> second = goal("目标 2");
        second.put(GoalField.WHY, "");
        p.edit(List.of(Map.of(), second), NOW);
        List<FieldProblem> empty = p.emptyFields();
        assertEquals(GoalField.values().length + 1, empty.size());
        assertEquals(new FieldProblem("goal.0.what", "actionPlan.error.fieldEmpty", 1, new FieldProblem.Label("goal.what")), empty.get(0));
        assertEquals(new FieldProblem("goal.1.why", "actionPlan.error.fieldEmpty", 2, new FieldProblem.Label("goal.why")), empty.get(empty.size() - 1));
        assertEquals(empty, assertThrows(UserInputException.class, () -> p.submit(TRAINEE, NOW)).problems());
    }

    @Test
    void goalsAreOneToFiveAndFieldsHaveAMaximumLength() {
        ActionPlan p = ActionPlan.start(TRAINEE, "v1", NOW);
        assertEquals("actionPlan.error.goalCount", key(() -> p.edit(List.of(), NOW)));
        assertEquals("actionPlan.error.goalCount", key(() -> p.edit(List.of(goal("a"), goal("b"), goal("c"), goal("d"), goal("e"), goal("f")), NOW)));
        Map<GoalField, String> tooLong = goal("x");
        tooLong.put(GoalField.HOW, "长".repeat(GoalField.MAX_LENGTH + 1));
        UserInputException refused = assertThrows(UserInputException.class, () -> p.edit(List.of(goal("a"), tooLong), NOW));
        assertEquals(List.of(new FieldProblem("goal.1.how", "actionPlan.error.fieldTooLong", 2, new FieldProblem.Label("goal.how"), GoalField.MAX_LENGTH)),
                refused.problems());
        tooLong.put(GoalField.HOW, "长".repeat(GoalField.MAX_LENGTH));
        p.edit(List.of(goal("a"), tooLong, goal("c")), NOW);
        assertEquals(3, p.getGoals().size());
        p.edit(List.of(goal("a")), NOW);
        assertEquals(1, p.getGoals().size());
    }

    @Test
    void aSubmittedPlanCannotBeEditedOrSubmittedAgain() {
        ActionPlan p = submitted();
        assertEquals("actionPlan.error.notEditable", key(() -> p.edit(List.of(goal("改")), NOW)));
        assertEquals("actionPlan.error.notEditable", key(() -> p.submit(TRAINEE, NOW)));
    }

    @Test
    void returningNeedsACommentAndMakesThePlanEditableAgain() {
        ActionPlan p = submitted();
        assertEquals("actionPlan.error.commentRequired", key(() -> p.returnForChanges(TRAINER, " ", NOW)));
        p.returnForChanges(TRAINER, "成功标准请写成可以数出来的数字", NOW.plusSeconds(10));
        assertEquals(ActionPlanStatus.RETURNED, p.getStatus());
        assertEquals("成功标准请写成可以数出来的数字", p.returnComment().orElseThrow());
        assertEquals(TRAINER, p.getReviewerId());

        p.edit(List.of(goal("目标 1 改")), NOW.plusSeconds(20));
        p.submit(TRAINEE, NOW.plusSeconds(30));
        assertEquals(ActionPlanStatus.SUBMITTED, p.getStatus());
        assertEquals(2, p.submissions());
        assertTrue(p.returnComment().isEmpty());
        assertEquals(List.of(ReviewEvent.SUBMITTED, ReviewEvent.RETURNED, ReviewEvent.SUBMITTED),
                p.getEvents().stream().map(ActionPlanEvent::getEvent).toList());
    }

    @Test
    void onlyASubmittedPlanIsReviewedAndNobodyReviewsTheirOwn() {
        ActionPlan draft = ActionPlan.start(TRAINEE, "v1", NOW);
        assertEquals("actionPlan.error.notSubmitted", key(() -> draft.approve(TRAINER, null, List.of(30), TODAY, NOW)));
        assertEquals("actionPlan.error.notSubmitted", key(() -> draft.returnForChanges(TRAINER, "x", NOW)));
        ActionPlan p = submitted();
        assertEquals("actionPlan.error.ownPlan", key(() -> p.approve(TRAINEE, null, List.of(30), TODAY, NOW)));
        p.approve(TRAINER, "很好", List.of(30, 60, 90), TODAY, NOW);
        assertEquals("actionPlan.error.notSubmitted", key(() -> p.approve(TRAINER, null, List.of(30), TODAY, NOW)));
        assertEquals("actionPlan.error.notSubmitted", key(() -> p.returnForChanges(TRAINER, "x", NOW)));
        assertEquals("actionPlan.error.notEditable", key(() -> p.edit(List.of(goal("改")), NOW)));
    }

    @Test
    void approvalSchedulesTheFollowUpsAfterTheApprovalDate() {
        ActionPlan p = submitted();
        p.approve(TRAINER, null, List.of(90, 30, 60), TODAY, NOW);
        assertEquals(ActionPlanStatus.APPROVED, p.getStatus());
        assertEquals(NOW, p.getApprovedAt());
        assertEquals(List.of(30, 60, 90), p.getFollowUps().stream().map(FollowUp::getDay).toList());
        FollowUp day30 = p.followUp(30).orElseThrow();
        assertEquals(LocalDate.parse("2026-12-22"), day30.getDueDate());
        assertEquals(FollowUpState.UPCOMING, day30.state(TODAY));
        assertEquals(FollowUpState.DUE, day30.state(LocalDate.parse("2026-12-22")));
        assertEquals(FollowUpState.DUE, day30.state(LocalDate.parse("2026-12-29")));
        assertEquals(FollowUpState.OVERDUE, day30.state(LocalDate.parse("2026-12-30")));
    }

    @Test
    void progressIsRecordedAgainstEveryGoalOnceTheFollowUpIsDue() {
        ActionPlan p = submitted();
        p.approve(TRAINER, null, List.of(30, 60, 90), TODAY, NOW);
        Map<Integer, ActionPlan.Progress> both = Map.of(
                0, new ActionPlan.Progress(ProgressStatus.ON_TRACK, "每次接车都说明了下一步"),
                1, new ActionPlan.Progress(ProgressStatus.BEHIND, "只做到一半"));
        assertEquals("actionPlan.error.followUpNotDue", key(() -> p.recordFollowUp(30, both, TODAY.plusDays(29), NOW)));
        assertEquals(List.of(new FieldProblem("progress.status.1", "actionPlan.error.followUpNoStatus", 2),
                        new FieldProblem("progress.text.1", "actionPlan.error.followUpNoText", 2)),
                assertThrows(UserInputException.class, () -> p.recordFollowUp(30, Map.of(0, both.get(0)), TODAY.plusDays(30), NOW)).problems());
        assertEquals("actionPlan.error.noFollowUp", key(() -> p.recordFollowUp(45, both, TODAY.plusDays(60), NOW)));

        Instant later = NOW.plus(Duration.ofDays(30));
        p.recordFollowUp(30, both, TODAY.plusDays(30), later);
        FollowUp day30 = p.followUp(30).orElseThrow();
        assertEquals(FollowUpState.RECORDED, day30.state(TODAY.plusDays(40)));
        assertEquals(later, day30.getRecordedAt());
        assertEquals(ProgressStatus.BEHIND, day30.entry(1).orElseThrow().getStatus());
        assertEquals("只做到一半", day30.entry(1).orElseThrow().getProgress());
        assertEquals(FollowUpState.UPCOMING, p.followUp(60).orElseThrow().state(TODAY.plusDays(40)));
    }

    @Test
    void progressCannotBeRecordedBeforeApproval() {
        ActionPlan p = submitted();
        assertEquals("actionPlan.error.notApproved", key(() -> p.recordFollowUp(30, Map.of(), TODAY, NOW)));
    }

    @Test
    void hasGoalsComparesTextsWithBlankAsEmpty() {
        ActionPlan p = ActionPlan.start(TRAINEE, "v1", NOW);
        Map<GoalField, String> g = goal("a");
        g.put(GoalField.WHO, " ");
        p.edit(List.of(g), NOW);
        Map<GoalField, String> same = goal("a");
        same.remove(GoalField.WHO);
        assertTrue(p.hasGoals(List.of(same)));
        assertFalse(p.hasGoals(List.of(goal("a"))));
        assertFalse(p.hasGoals(List.of(same, same)));
    }
}
