-- Issue 11: LTI Assignment and Grade Services. The scores to send to platforms' gradebooks (an
-- outbox: written in the transaction that grades the attempt, sent by a periodic job on any node).
-- Access tokens for the services are cached in memory per node (only an optimisation), not here.
-- ${ts} is TIMESTAMP(6) on H2 and DATETIME(6) on MySQL/MariaDB.

-- One score to POST to <lineitem_url>/scores for one person (the platform's user id, subject).
-- state: PENDING (to send; due at next_try_at), SENT, SUPERSEDED (a newer score for the same line
-- item and person came before this one was sent), FAILED (given up after the last try).
-- A node claims a row with a conditional UPDATE (claimed_by, claimed_until: a lease) before sending,
-- so several nodes send each score once.
CREATE TABLE lti_score_outbox (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id        BIGINT            NOT NULL,
    lineitem_url       VARCHAR(1000)     NOT NULL,
    subject            VARCHAR(255)      NOT NULL,
    user_id            BIGINT            NOT NULL,
    attempt_id         BIGINT,
    score_given        DOUBLE PRECISION,
    score_maximum      DOUBLE PRECISION,
    activity_progress  VARCHAR(16)       NOT NULL,
    grading_progress   VARCHAR(16)       NOT NULL,
    score_timestamp    ${ts}             NOT NULL,
    state              VARCHAR(16)       NOT NULL,
    attempts           INT               NOT NULL,
    next_try_at        ${ts}             NOT NULL,
    last_error         VARCHAR(1000),
    claimed_by         VARCHAR(64),
    claimed_until      ${ts},
    sent_at            ${ts},
    created_at         ${ts}             NOT NULL,
    CONSTRAINT fk_lti_score_platform FOREIGN KEY (platform_id) REFERENCES lti_platform (id),
    CONSTRAINT fk_lti_score_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_lti_score_due ON lti_score_outbox (state, next_try_at);
CREATE INDEX ix_lti_score_attempt ON lti_score_outbox (attempt_id);
