package com.servicecraft.actionplan;

/**
 * Where an action plan stands: DRAFT → SUBMITTED → (RETURNED → SUBMITTED)* → APPROVED. Only a
 * draft or a returned plan can be edited; only a submitted plan can be reviewed.
 */
public enum ActionPlanStatus {
    DRAFT, SUBMITTED, RETURNED, APPROVED;

    public boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }
}
