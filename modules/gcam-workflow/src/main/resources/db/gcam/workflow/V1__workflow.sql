-- Applications and their history (io.gcam.workflow.jdbc.JdbcApplicationStore).
-- Portable SQL: PostgreSQL and H2.

-- One row per application. version is the optimistic version: every change is an
-- UPDATE ... WHERE id = ? AND version = ?, so of two concurrent changes exactly one matches.
-- approvers holds the subject ids that approved pending_action so far, one per line.
CREATE TABLE gcam_wf_application (
    id                 VARCHAR(64)              NOT NULL,
    reference_number   VARCHAR(100)             NOT NULL,
    app_type           VARCHAR(64)              NOT NULL,
    definition_version INTEGER                  NOT NULL,
    applicant_id       VARCHAR(255)             NOT NULL,
    agency             VARCHAR(100)             NOT NULL,
    state              VARCHAR(64)              NOT NULL,
    form_data          TEXT                     NOT NULL,
    assignee           VARCHAR(255),
    state_due_on       DATE,
    due_on             DATE,
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT                   NOT NULL,
    last_actor_id      VARCHAR(255),
    pending_action     VARCHAR(64),
    approvers          TEXT,
    escalated_at       TIMESTAMP WITH TIME ZONE,
    access_code_hash   VARCHAR(200),
    CONSTRAINT gcam_wf_application_pk PRIMARY KEY (id),
    CONSTRAINT gcam_wf_application_reference_uq UNIQUE (reference_number),
    CONSTRAINT gcam_wf_application_version_ck CHECK (version >= 1)
);

CREATE INDEX gcam_wf_application_inbox_ix ON gcam_wf_application (agency, state, state_due_on);
CREATE INDEX gcam_wf_application_due_ix ON gcam_wf_application (state_due_on);

-- One row per change; seq equals the application version the change produced, so the primary key
-- also refuses a second entry for the same version.
CREATE TABLE gcam_wf_history (
    application_id VARCHAR(64)              NOT NULL,
    seq            BIGINT                   NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id       VARCHAR(255)             NOT NULL,
    actor_kind     VARCHAR(16)              NOT NULL,
    action         VARCHAR(64)              NOT NULL,
    from_state     VARCHAR(64),
    to_state       VARCHAR(64)              NOT NULL,
    comment_text   TEXT,
    CONSTRAINT gcam_wf_history_pk PRIMARY KEY (application_id, seq),
    CONSTRAINT gcam_wf_history_application_fk FOREIGN KEY (application_id) REFERENCES gcam_wf_application (id)
);
