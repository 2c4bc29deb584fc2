-- gcam-registration: activities, their sessions with seat counters, and registrations.
-- Portable SQL for PostgreSQL and H2.

CREATE TABLE gcam_reg_activity (
    id                         CHAR(36)     NOT NULL PRIMARY KEY,
    agency                     VARCHAR(100) NOT NULL,
    status                     VARCHAR(16)  NOT NULL,
    category                   VARCHAR(16)  NOT NULL,
    title_en                   VARCHAR(500) NOT NULL,
    title_zh_hant              VARCHAR(500),
    title_pt                   VARCHAR(500),
    description_en             VARCHAR(4000),
    description_zh_hant        VARCHAR(4000),
    description_pt             VARCHAR(4000),
    registration_opens         TIMESTAMP WITH TIME ZONE NOT NULL,
    registration_closes        TIMESTAMP WITH TIME ZONE NOT NULL,
    cancellation_deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    max_sessions_per_applicant INTEGER      NOT NULL,
    waitlist_enabled           BOOLEAN      NOT NULL,
    waitlist_max_length        INTEGER      NOT NULL,
    required_document_type     VARCHAR(100),
    min_age                    INTEGER,
    max_age                    INTEGER,
    age_reference_date         DATE,
    residency_statuses         VARCHAR(1000),
    min_qualification          INTEGER,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX gcam_reg_activity_agency ON gcam_reg_activity (agency, status, created_at);

-- taken counts confirmed registrations; it is only ever changed by conditional updates
-- (taken = taken + 1 WHERE taken < capacity), and the CHECK is a last line of defence.
CREATE TABLE gcam_reg_session (
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    activity_id    CHAR(36)     NOT NULL REFERENCES gcam_reg_activity (id),
    position       INTEGER      NOT NULL,
    venue_en       VARCHAR(500) NOT NULL,
    venue_zh_hant  VARCHAR(500),
    venue_pt       VARCHAR(500),
    starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    capacity       INTEGER      NOT NULL,
    taken          INTEGER      NOT NULL,
    waitlisted     INTEGER      NOT NULL,
    waitlist_seq   BIGINT       NOT NULL,
    CONSTRAINT gcam_reg_session_seats CHECK (taken >= 0 AND taken <= capacity),
    CONSTRAINT gcam_reg_session_waitlist CHECK (waitlisted >= 0)
);

CREATE INDEX gcam_reg_session_activity ON gcam_reg_session (activity_id, position);

-- active_slot (1..max sessions per applicant) and active_flag ('Y') are set while a registration is
-- confirmed or waitlisted and NULL once it is cancelled. Unique constraints treat NULLs as distinct
-- on both databases, so these two constraints allow any number of cancelled rows but only one
-- active registration per applicant and session, and at most "max sessions" per activity. (H2 has
-- no partial indexes; this portable "active marker" does the same job.)
CREATE TABLE gcam_reg_registration (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    activity_id      CHAR(36)     NOT NULL REFERENCES gcam_reg_activity (id),
    session_id       CHAR(36)     NOT NULL REFERENCES gcam_reg_session (id),
    applicant_id     VARCHAR(255) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    candidate_number VARCHAR(100),
    waitlist_seq     BIGINT,
    active_slot      INTEGER,
    active_flag      CHAR(1),
    registered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    cancelled_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT gcam_reg_one_per_activity_slot UNIQUE (activity_id, applicant_id, active_slot),
    CONSTRAINT gcam_reg_one_per_session UNIQUE (session_id, applicant_id, active_flag),
    CONSTRAINT gcam_reg_candidate_number UNIQUE (candidate_number),
    CONSTRAINT gcam_reg_active_marker CHECK (
        (status = 'CANCELLED' AND active_slot IS NULL AND active_flag IS NULL)
        OR (status IN ('CONFIRMED', 'WAITLISTED') AND active_slot IS NOT NULL AND active_flag = 'Y'))
);

CREATE INDEX gcam_reg_registration_waitlist ON gcam_reg_registration (session_id, status, waitlist_seq);
CREATE INDEX gcam_reg_registration_activity ON gcam_reg_registration (activity_id, registered_at, id);
CREATE INDEX gcam_reg_registration_applicant ON gcam_reg_registration (applicant_id, registered_at);
