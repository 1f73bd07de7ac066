-- Quiz, exercise and post-course test attempts. Every answer lives in attempt_item the moment it is saved.

CREATE TABLE attempt (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id           BIGINT       NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    source_id         VARCHAR(80)  NOT NULL,
    attempt_number    INT          NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    mode              VARCHAR(16)  NOT NULL,
    started_at        ${ts}        NOT NULL,
    deadline          ${ts},
    submitted_at      ${ts},
    submitted_by      VARCHAR(16),
    graded_at         ${ts},
    points            DOUBLE PRECISION,
    max_points        DOUBLE PRECISION,
    score_percent     DOUBLE PRECISION,
    pass_mark         INT          NOT NULL,
    passed            BOOLEAN,
    current_position  INT          NOT NULL,
    passage_shown_at  ${ts},
    version           BIGINT       NOT NULL,
    CONSTRAINT uk_attempt_number UNIQUE (user_id, kind, source_id, attempt_number),
    CONSTRAINT fk_attempt_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_attempt_open ON attempt (status, deadline);
CREATE INDEX ix_attempt_source ON attempt (kind, source_id, status);

CREATE TABLE attempt_item (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    attempt_id        BIGINT       NOT NULL,
    position          INT          NOT NULL,
    module_id         VARCHAR(80)  NOT NULL,
    module_version    VARCHAR(16)  NOT NULL,
    question_id       VARCHAR(80)  NOT NULL,
    question_type     VARCHAR(24)  NOT NULL,
    option_map        VARCHAR(2000),
    response          ${text},
    saved_at          ${ts},
    fraction          DOUBLE PRECISION,
    detail            ${text},
    graded_at         ${ts},
    graded_by         BIGINT,
    trainer_comment   ${text},
    CONSTRAINT uk_attempt_item_position UNIQUE (attempt_id, position),
    CONSTRAINT uk_attempt_item_question UNIQUE (attempt_id, question_id),
    CONSTRAINT fk_attempt_item_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id)
);

-- Extra attempts granted by a trainer, with the reason (kept as history).
CREATE TABLE attempt_grant (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id           BIGINT       NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    source_id         VARCHAR(80)  NOT NULL,
    extra_attempts    INT          NOT NULL,
    reason            VARCHAR(500) NOT NULL,
    granted_by        BIGINT       NOT NULL,
    granted_at        ${ts}        NOT NULL,
    CONSTRAINT fk_attempt_grant_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
