-- Tables of the recruitment portal sample itself (not of a GCAM module).
CREATE TABLE portal_user (
    username   VARCHAR(64)  NOT NULL PRIMARY KEY,
    subject_id VARCHAR(64)  NOT NULL UNIQUE,
    kind       VARCHAR(16)  NOT NULL,
    agency     VARCHAR(32),
    roles      VARCHAR(200) NOT NULL
);

CREATE TABLE portal_session (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    username   VARCHAR(64)  NOT NULL REFERENCES portal_user (username),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE portal_note (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner_subject VARCHAR(64)   NOT NULL,
    text          VARCHAR(2000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX portal_note_owner ON portal_note (owner_subject);
