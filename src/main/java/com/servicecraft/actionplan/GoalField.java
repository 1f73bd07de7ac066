package com.servicecraft.actionplan;

import com.servicecraft.shared.FieldProblem;

import java.util.Arrays;
import java.util.Optional;

/**
 * The eight 5W2H questions every goal answers, by the id the course content gives them
 * ({@code goalFields} of the action-plan template, which also holds the localized prompts).
 */
public enum GoalField {
    WHAT("what"), WHY("why"), WHEN("when"), HOW("how"), WHO("who"), HOW_MUCH("howMuch"), WHERE("where"), MEASURE("measure");

    /** Longest text of one field, in characters. */
    public static final int MAX_LENGTH = 2000;

    private final String contentId;

    GoalField(String contentId) {
        this.contentId = contentId;
    }

    public String contentId() {
        return contentId;
    }

    /** The field of the goal at {@code position} (0-based) as a form problem names it: {@code goal.0.why}. */
    public String path(int position) {
        return "goal." + position + "." + contentId;
    }

    /** The field's short name in the bundles ({@code goal.why}: "Why" / "为什么"). */
    public FieldProblem.Label label() {
        return new FieldProblem.Label("goal." + contentId);
    }

    public static Optional<GoalField> ofContentId(String id) {
        return Arrays.stream(values()).filter(f -> f.contentId.equals(id)).findFirst();
    }
}
