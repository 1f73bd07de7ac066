-- Content versions, lesson progress and API tokens.
-- ${ts}: TIMESTAMP(6) on H2, DATETIME(6) on MySQL/MariaDB. ${text}: CLOB on H2, LONGTEXT on MySQL/MariaDB.

-- Every module version that was ever served, with the files needed to review old attempts.
CREATE TABLE content_module_version (
    module_id       VARCHAR(80)  NOT NULL,
    version         VARCHAR(16)  NOT NULL,
    first_loaded_at ${ts}        NOT NULL,
    questions_yaml  ${text},
    exercises_yaml  ${text},
    PRIMARY KEY (module_id, version)
);

-- The content version the cluster should serve; nodes compare it with what they hold and reload.
CREATE TABLE content_state (
    id              INT          NOT NULL PRIMARY KEY,
    course_version  VARCHAR(16)  NOT NULL,
    reloaded_at     ${ts}        NOT NULL,
    reloaded_by     BIGINT
);

CREATE TABLE lesson_progress (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id         BIGINT       NOT NULL,
    module_id       VARCHAR(80)  NOT NULL,
    lesson_id       VARCHAR(80)  NOT NULL,
    module_version  VARCHAR(16)  NOT NULL,
    first_opened_at ${ts}        NOT NULL,
    last_seen_at    ${ts}        NOT NULL,
    seconds_spent   INT          NOT NULL,
    completed_at    ${ts},
    version         BIGINT       NOT NULL,
    CONSTRAINT uk_lesson_progress UNIQUE (user_id, lesson_id),
    CONSTRAINT fk_lesson_progress_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_lesson_progress_user_seen ON lesson_progress (user_id, last_seen_at);

-- API tokens: only a SHA-256 of the token is stored; the token is shown once at creation.
CREATE TABLE api_token (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(120) NOT NULL,
    token_hash      VARCHAR(64)  NOT NULL,
    token_prefix    VARCHAR(12)  NOT NULL,
    scopes          VARCHAR(200) NOT NULL,
    owner_id        BIGINT       NOT NULL,
    created_at      ${ts}        NOT NULL,
    revoked_at      ${ts},
    last_used_at    ${ts},
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_owner FOREIGN KEY (owner_id) REFERENCES app_user (id)
);
