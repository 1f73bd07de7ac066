-- The action plan's goals, review history and follow-ups (its header, action_plan, is in V4),
-- and which self-assessment attempt is a trainee's course-start and which their course-end round.

-- One to five goals per plan, in the trainee's order; the eight 5W2H fields as text (at most
-- 2,000 characters each, checked by the domain), empty while the plan is a draft.
CREATE TABLE action_plan_goal (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id        BIGINT   NOT NULL,
    position       INT      NOT NULL,
    what_text      ${text},
    why_text       ${text},
    when_text      ${text},
    how_text       ${text},
    who_text       ${text},
    how_much_text  ${text},
    where_text     ${text},
    measure_text   ${text},
    CONSTRAINT uk_action_plan_goal UNIQUE (plan_id, position),
    CONSTRAINT fk_action_plan_goal_plan FOREIGN KEY (plan_id) REFERENCES action_plan (id)
);

-- The review history: SUBMITTED, RETURNED (with the trainer's comment), APPROVED; who and when.
CREATE TABLE action_plan_event (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id   BIGINT       NOT NULL,
    event     VARCHAR(16)  NOT NULL,
    comment   ${text},
    actor_id  BIGINT       NOT NULL,
    at        ${ts}        NOT NULL,
    CONSTRAINT fk_action_plan_event_plan FOREIGN KEY (plan_id) REFERENCES action_plan (id),
    CONSTRAINT fk_action_plan_event_actor FOREIGN KEY (actor_id) REFERENCES app_user (id)
);
CREATE INDEX ix_action_plan_event_plan ON action_plan_event (plan_id);

-- Follow-ups fixed at approval (SERVICECRAFT_FOLLOWUP_DAYS after the approval date, default
-- 30, 60, 90). notified_at: the FOLLOW_UP_DUE notification exists (the job sets it once).
CREATE TABLE action_plan_follow_up (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id      BIGINT   NOT NULL,
    day_number   INT      NOT NULL,
    due_date     DATE     NOT NULL,
    recorded_at  ${ts},
    notified_at  ${ts},
    CONSTRAINT uk_action_plan_follow_up UNIQUE (plan_id, day_number),
    CONSTRAINT fk_action_plan_follow_up_plan FOREIGN KEY (plan_id) REFERENCES action_plan (id)
);
CREATE INDEX ix_action_plan_follow_up_due ON action_plan_follow_up (notified_at, due_date);

-- The trainee's progress against one goal at one follow-up: ON_TRACK, BEHIND or DONE, and what happened.
CREATE TABLE action_plan_follow_up_entry (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    follow_up_id  BIGINT       NOT NULL,
    goal_position INT          NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    progress      ${text}      NOT NULL,
    CONSTRAINT uk_action_plan_follow_up_entry UNIQUE (follow_up_id, goal_position),
    CONSTRAINT fk_action_plan_follow_up_entry FOREIGN KEY (follow_up_id) REFERENCES action_plan_follow_up (id)
);

-- START (course start) and END (course end) self-assessment rounds: each one attempt of the
-- course's self-assessment exercise, at most one per round and trainee, an attempt in one round only.
CREATE TABLE self_assessment_round (
    user_id     BIGINT       NOT NULL,
    round_name  VARCHAR(8)   NOT NULL,
    attempt_id  BIGINT       NOT NULL,
    created_at  ${ts}        NOT NULL,
    PRIMARY KEY (user_id, round_name),
    CONSTRAINT uk_self_assessment_round_attempt UNIQUE (attempt_id),
    CONSTRAINT fk_self_assessment_round_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_self_assessment_round_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id)
);
