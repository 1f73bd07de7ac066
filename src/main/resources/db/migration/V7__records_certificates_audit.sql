-- HR records: which departments an HR officer may see, certificates, the audit trail, and the
-- mark of a deleted (pseudonymized) user whose records stay for audits.

-- A user row is never removed: deletion replaces the personal fields and sets deleted_at.
ALTER TABLE app_user ADD COLUMN deleted_at ${ts};

-- An HR officer with rows here sees only these departments; without rows, every department.
CREATE TABLE hr_scope (
    user_id        BIGINT  NOT NULL,
    department_id  BIGINT  NOT NULL,
    PRIMARY KEY (user_id, department_id),
    CONSTRAINT fk_hr_scope_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_hr_scope_department FOREIGN KEY (department_id) REFERENCES department (id)
);

-- One certificate per trainee and course: the unique key makes issuing idempotent on every node.
CREATE TABLE certificate (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    cert_number   VARCHAR(32)       NOT NULL,
    user_id       BIGINT            NOT NULL,
    course_id     VARCHAR(80)       NOT NULL,
    issued_at     ${ts}             NOT NULL,
    score         DOUBLE PRECISION,
    valid_until   DATE,
    CONSTRAINT uk_certificate_number UNIQUE (cert_number),
    CONSTRAINT uk_certificate_user_course UNIQUE (user_id, course_id),
    CONSTRAINT fk_certificate_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_certificate_valid ON certificate (valid_until);

-- Every export and API call: who, when, what, with which filters, how many rows.
CREATE TABLE audit_log (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    at          ${ts}          NOT NULL,
    actor_id    BIGINT,
    actor_name  VARCHAR(64)    NOT NULL,
    channel     VARCHAR(16)    NOT NULL,
    action      VARCHAR(64)    NOT NULL,
    filters     VARCHAR(1000),
    row_count   BIGINT,
    outcome     VARCHAR(16)    NOT NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at);

CREATE INDEX ix_lesson_progress_user_module ON lesson_progress (user_id, module_id);
