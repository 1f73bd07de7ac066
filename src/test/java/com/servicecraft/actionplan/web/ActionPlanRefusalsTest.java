package com.servicecraft.actionplan.web;

import com.servicecraft.actionplan.ActionPlan;
import com.servicecraft.actionplan.GoalField;
import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Messages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A refused action plan names the goal and the field in both languages, and points at the page's input. */
class ActionPlanRefusalsTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static FieldProblem firstRefusal() {
        ActionPlan p = ActionPlan.start(7, "v1", Instant.parse("2026-11-22T09:00:00Z"));
        Map<GoalField, String> goal = new java.util.EnumMap<>(GoalField.class);
        for (GoalField f : GoalField.values()) {
            goal.put(f, f == GoalField.WHY ? " " : "写好了");
        }
        p.edit(List.of(goal), Instant.parse("2026-11-22T09:00:00Z"));
        return assertThrows(UserInputException.class, () -> p.submit(7, Instant.parse("2026-11-22T09:01:00Z"))).problems().get(0);
    }

    @Test
    void theMessageNamesTheGoalAndTheFieldInTheReadersLanguage() {
        FieldProblem why = firstRefusal();
        assertEquals("Goal 1: “Why” is empty. Fill it in before you submit.",
                Messages.text(Locale.ENGLISH, why.messageKey(), why.arguments().toArray()));
        assertEquals("目标 1：“为什么（Why）”还没有填写，提交前请填好。",
                Messages.text(ZH, why.messageKey(), why.arguments().toArray()));
    }

    @Test
    void everyFieldPathMapsToTheInputThatShowsIt() {
        assertEquals("planForm:goals:0:fields:1:text", ActionPlanPage.clientIdOf(firstRefusal().field()));
        assertEquals("planForm:goals:2:fields:7:text", ActionPlanPage.clientIdOf(GoalField.MEASURE.path(2)));
        assertEquals("planForm:progress:1:status", ActionPlanPage.clientIdOf(ActionPlan.PROGRESS_STATUS + 1));
        assertEquals("planForm:progress:0:progressText", ActionPlanPage.clientIdOf(ActionPlan.PROGRESS_TEXT + 0));
        assertNull(ActionPlanPage.clientIdOf("goal.x.why"));
        assertNull(ActionPlanPage.clientIdOf("goal.0.colour"));
    }
}
