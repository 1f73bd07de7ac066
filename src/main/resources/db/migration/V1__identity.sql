-- People, departments and roles. Written to run unchanged on H2 and MySQL/MariaDB.
-- ${ts} is TIMESTAMP(6) on H2 and DATETIME(6) on MySQL/MariaDB (no 2038 limit there).

CREATE TABLE department (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    created_at  ${ts}  NOT NULL,
    CONSTRAINT uk_department_name UNIQUE (name)
);

CREATE TABLE app_user (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    username             VARCHAR(64)  NOT NULL,
    employee_number      VARCHAR(32)  NOT NULL,
    display_name         VARCHAR(120) NOT NULL,
    email                VARCHAR(254) NOT NULL,
    department_id        BIGINT,
    job_title            VARCHAR(120),
    preferred_language   VARCHAR(8)   NOT NULL,
    active               BOOLEAN      NOT NULL,
    email_notifications  BOOLEAN      NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,
    password_changed_at  ${ts}  NOT NULL,
    password_must_change BOOLEAN      NOT NULL,
    created_at           ${ts}  NOT NULL,
    updated_at           ${ts}  NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT uk_user_username UNIQUE (username),
    CONSTRAINT uk_user_employee_number UNIQUE (employee_number),
    CONSTRAINT fk_user_department FOREIGN KEY (department_id) REFERENCES department (id)
);

CREATE TABLE user_role (
    user_id  BIGINT      NOT NULL,
    role     VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- Failed sign-ins per user name, kept in the database so that every app node throttles alike.
CREATE TABLE login_throttle (
    throttle_key   VARCHAR(128) NOT NULL PRIMARY KEY,
    failures       INT          NOT NULL,
    window_start   ${ts}  NOT NULL,
    locked_until   ${ts}
);

-- One row once the first administrator exists; its primary key stops two setups racing.
CREATE TABLE setup_marker (
    id            INT         NOT NULL PRIMARY KEY,
    completed_at  ${ts} NOT NULL
);
