-- Trainer-owned groups (cohorts), assignments with due dates and their history, in-app
-- notifications with the e-mail each may carry, job leases for scheduled work on several nodes,
-- and the action plan's header (its goals and follow-ups come with the action-plan feature).

CREATE TABLE training_group (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(120)  NOT NULL,
    description  VARCHAR(1000),
    owner_id     BIGINT        NOT NULL,
    created_at   ${ts}         NOT NULL,
    archived_at  ${ts},
    version      BIGINT        NOT NULL,
    CONSTRAINT fk_group_owner FOREIGN KEY (owner_id) REFERENCES app_user (id)
);
CREATE INDEX ix_group_owner ON training_group (owner_id);

CREATE TABLE group_member (
    group_id  BIGINT  NOT NULL,
    user_id   BIGINT  NOT NULL,
    added_at  ${ts}   NOT NULL,
    added_by  BIGINT  NOT NULL,
    PRIMARY KEY (group_id, user_id),
    CONSTRAINT fk_group_member_group FOREIGN KEY (group_id) REFERENCES training_group (id),
    CONSTRAINT fk_group_member_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_group_member_user ON group_member (user_id);

-- The whole course (module_id NULL) or one module, to a group or to one trainee (exactly one of them).
-- Members who join a group later inherit its active assignments; nothing is ever deleted.
CREATE TABLE assignment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    group_id     BIGINT,
    user_id      BIGINT,
    module_id    VARCHAR(80),
    start_date   DATE          NOT NULL,
    due_date     DATE          NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    created_by   BIGINT        NOT NULL,
    created_at   ${ts}         NOT NULL,
    updated_at   ${ts}         NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT ck_assignment_target CHECK ((group_id IS NULL AND user_id IS NOT NULL) OR (group_id IS NOT NULL AND user_id IS NULL)),
    CONSTRAINT fk_assignment_group FOREIGN KEY (group_id) REFERENCES training_group (id),
    CONSTRAINT fk_assignment_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_assignment_group ON assignment (group_id, status);
CREATE INDEX ix_assignment_user ON assignment (user_id, status);

-- Every change to an assignment: created, changed (new dates), withdrawn.
CREATE TABLE assignment_event (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    assignment_id  BIGINT        NOT NULL,
    event          VARCHAR(16)   NOT NULL,
    start_date     DATE,
    due_date       DATE,
    note           VARCHAR(500),
    actor_id       BIGINT        NOT NULL,
    at             ${ts}         NOT NULL,
    CONSTRAINT fk_assignment_event_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id)
);
CREATE INDEX ix_assignment_event ON assignment_event (assignment_id);

-- One notification per (user, dedup_key): the key ("due3:assignment:17:2026-12-01") makes
-- "never the same reminder twice" a constraint. The e-mail is claimed and sent by a job.
CREATE TABLE notification (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id             BIGINT        NOT NULL,
    kind                VARCHAR(32)   NOT NULL,
    dedup_key           VARCHAR(190)  NOT NULL,
    params              ${text},
    link                VARCHAR(500),
    created_at          ${ts}         NOT NULL,
    read_at             ${ts},
    mail_status         VARCHAR(16)   NOT NULL,
    mail_claimed_by     VARCHAR(64),
    mail_claimed_until  ${ts},
    mail_attempts       INT           NOT NULL,
    mail_sent_at        ${ts},
    CONSTRAINT uk_notification_dedup UNIQUE (user_id, dedup_key),
    CONSTRAINT fk_notification_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_notification_user ON notification (user_id, read_at);
CREATE INDEX ix_notification_mail ON notification (mail_status, mail_claimed_until);

-- A scheduled job's lease: a node runs the job only while it holds the row's unexpired lease.
CREATE TABLE job_lease (
    name         VARCHAR(64)   NOT NULL PRIMARY KEY,
    holder       VARCHAR(64),
    lease_until  ${ts}         NOT NULL,
    last_run_at  ${ts}
);

-- One action plan per trainee: DRAFT, SUBMITTED, RETURNED or APPROVED.
CREATE TABLE action_plan (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id         BIGINT        NOT NULL,
    module_version  VARCHAR(16)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      ${ts}         NOT NULL,
    updated_at      ${ts}         NOT NULL,
    submitted_at    ${ts},
    approved_at     ${ts},
    reviewer_id     BIGINT,
    version         BIGINT        NOT NULL,
    CONSTRAINT uk_action_plan_user UNIQUE (user_id),
    CONSTRAINT fk_action_plan_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
