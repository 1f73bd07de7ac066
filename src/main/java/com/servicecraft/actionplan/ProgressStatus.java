package com.servicecraft.actionplan;

/** How a goal is going at a follow-up, in the trainee's own judgement. */
public enum ProgressStatus {
    ON_TRACK, BEHIND, DONE
}
