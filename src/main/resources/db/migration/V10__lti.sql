-- Issue 11: Servicecraft as an LTI 1.3 tool. Platforms (LMSs) an administrator registered, the
-- tool's own signing keys, launches in progress, and what launches link: people, contexts
-- (courses → training groups) and resource links. Written to run unchanged on H2 and MySQL/MariaDB.
-- ${ts} is TIMESTAMP(6) on H2 and DATETIME(6) on MySQL/MariaDB; ${text} is CLOB / LONGTEXT.

-- One registration of Servicecraft in an LMS: the platform's issuer and the client id it gave us.
-- frame_origins: the origins allowed to frame the tool after a launch from this platform (space
-- separated; empty: the origins of the issuer and of the auth URL). token_url is for the LTI
-- Advantage services (grades, rosters), which use the client-credentials grant.
CREATE TABLE lti_platform (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(120)   NOT NULL,
    issuer         VARCHAR(255)   NOT NULL,
    client_id      VARCHAR(255)   NOT NULL,
    auth_url       VARCHAR(1000)  NOT NULL,
    token_url      VARCHAR(1000),
    jwks_url       VARCHAR(1000)  NOT NULL,
    frame_origins  VARCHAR(1000),
    enabled        BOOLEAN        NOT NULL,
    created_at     ${ts}          NOT NULL,
    updated_at     ${ts}          NOT NULL,
    CONSTRAINT uk_lti_platform UNIQUE (issuer, client_id)
);

-- The deployment ids of a platform (one per placement of the tool in the LMS); a launch naming
-- another deployment is refused.
CREATE TABLE lti_deployment (
    platform_id    BIGINT         NOT NULL,
    deployment_id  VARCHAR(255)   NOT NULL,
    PRIMARY KEY (platform_id, deployment_id),
    CONSTRAINT fk_lti_deployment_platform FOREIGN KEY (platform_id) REFERENCES lti_platform (id)
);

-- The tool's RSA signing keys as JWK JSON (private part included: never shown, logged or exported).
-- The newest key without retired_at signs; a retired key stays in the public JWKS for a while,
-- until every token it signed has expired. Generated at first start when none exists.
CREATE TABLE lti_tool_key (
    kid         VARCHAR(64)  NOT NULL PRIMARY KEY,
    jwk         ${text}      NOT NULL,
    created_at  ${ts}        NOT NULL,
    retired_at  ${ts}
);

-- A launch in progress: the state and nonce sent with the authentication request. Used once
-- (used_at), on whichever node receives the id_token. After a valid launch the row also carries a
-- one-time landing ticket, for the fallback when a framed browser refuses the session cookie.
CREATE TABLE lti_launch_state (
    state            VARCHAR(64)    NOT NULL PRIMARY KEY,
    nonce            VARCHAR(64)    NOT NULL,
    platform_id      BIGINT         NOT NULL,
    target_link_uri  VARCHAR(1000),
    created_at       ${ts}          NOT NULL,
    used_at          ${ts},
    ticket           VARCHAR(64),
    ticket_user_id   BIGINT,
    ticket_target    VARCHAR(500),
    ticket_language  VARCHAR(8),
    ticket_used_at   ${ts},
    CONSTRAINT uk_lti_launch_nonce UNIQUE (nonce),
    CONSTRAINT uk_lti_launch_ticket UNIQUE (ticket),
    CONSTRAINT fk_lti_launch_platform FOREIGN KEY (platform_id) REFERENCES lti_platform (id)
);
CREATE INDEX ix_lti_launch_created ON lti_launch_state (created_at);

-- The person behind a platform's user id (the id_token's sub).
CREATE TABLE lti_user_link (
    platform_id  BIGINT        NOT NULL,
    subject      VARCHAR(255)  NOT NULL,
    user_id      BIGINT        NOT NULL,
    created_at   ${ts}         NOT NULL,
    last_launch_at ${ts}       NOT NULL,
    PRIMARY KEY (platform_id, subject),
    CONSTRAINT fk_lti_user_link_platform FOREIGN KEY (platform_id) REFERENCES lti_platform (id),
    CONSTRAINT fk_lti_user_link_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_lti_user_link_user ON lti_user_link (user_id);

-- A platform's context (its course) and the training group it became. group_id stays empty until
-- an instructor launches (a group needs an owner); the learners who came first join it then.
-- The service URLs come from the launch claims (Names and Role Provisioning, Assignment and Grade
-- Services), refreshed at every launch.
CREATE TABLE lti_context (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    platform_id       BIGINT         NOT NULL,
    context_id        VARCHAR(255)   NOT NULL,
    deployment_id     VARCHAR(255)   NOT NULL,
    title             VARCHAR(255),
    group_id          BIGINT,
    memberships_url   VARCHAR(1000),
    lineitems_url     VARCHAR(1000),
    ags_scopes        VARCHAR(1000),
    created_at        ${ts}          NOT NULL,
    updated_at        ${ts}          NOT NULL,
    CONSTRAINT uk_lti_context UNIQUE (platform_id, context_id),
    CONSTRAINT fk_lti_context_platform FOREIGN KEY (platform_id) REFERENCES lti_platform (id),
    CONSTRAINT fk_lti_context_group FOREIGN KEY (group_id) REFERENCES training_group (id)
);

-- Who launched from a context, with the role the launch gave them (LEARNER or INSTRUCTOR).
CREATE TABLE lti_context_member (
    context_row_id  BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    lti_role        VARCHAR(16)  NOT NULL,
    last_launch_at  ${ts}        NOT NULL,
    PRIMARY KEY (context_row_id, user_id),
    CONSTRAINT fk_lti_context_member_context FOREIGN KEY (context_row_id) REFERENCES lti_context (id),
    CONSTRAINT fk_lti_context_member_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- A placement of Servicecraft in a context (the resource link) and what it opens ("module:m1",
-- "lesson:…", "quiz:m1", "posttest", "course"); lineitem_url is its AGS line item when graded.
CREATE TABLE lti_resource_link (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    context_row_id    BIGINT,
    platform_id       BIGINT         NOT NULL,
    resource_link_id  VARCHAR(255)   NOT NULL,
    title             VARCHAR(255),
    target            VARCHAR(200)   NOT NULL,
    lineitem_url      VARCHAR(1000),
    created_at        ${ts}          NOT NULL,
    updated_at        ${ts}          NOT NULL,
    CONSTRAINT uk_lti_resource_link UNIQUE (platform_id, resource_link_id),
    CONSTRAINT fk_lti_resource_link_context FOREIGN KEY (context_row_id) REFERENCES lti_context (id),
    CONSTRAINT fk_lti_resource_link_platform FOREIGN KEY (platform_id) REFERENCES lti_platform (id)
);
