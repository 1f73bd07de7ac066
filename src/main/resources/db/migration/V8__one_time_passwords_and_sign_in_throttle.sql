-- Issue 20: every imported or created person gets their own temporary password, which expires;
-- failed sign-ins slow down (per account and per client address) instead of locking the account.
-- ${ts} is TIMESTAMP(6) on H2 and DATETIME(6) on MySQL/MariaDB.

-- When a temporary password stops working (NULL: a password the person chose).
ALTER TABLE app_user ADD temp_password_expires_at ${ts};

-- Temporary passwords set before this version were shared by a whole import batch: they expire
-- now, and an administrator issues new, personal ones.
UPDATE app_user SET temp_password_expires_at = CURRENT_TIMESTAMP WHERE password_must_change = TRUE;

-- The old table held hard locks; its rows mean nothing under the new rule.
DROP TABLE login_throttle;

-- Consecutive failed sign-ins for one key ("user:<name>" or "addr:<client address>"): after a few
-- free failures each further attempt must wait until next_attempt_at, a delay that doubles per
-- failure up to a cap; a failure older than the reset window starts the count afresh.
CREATE TABLE login_throttle (
    throttle_key     VARCHAR(160) NOT NULL PRIMARY KEY,
    failures         INT          NOT NULL,
    last_failure_at  ${ts}        NOT NULL,
    next_attempt_at  ${ts}        NOT NULL
);
CREATE INDEX ix_login_throttle_last_failure ON login_throttle (last_failure_at);
