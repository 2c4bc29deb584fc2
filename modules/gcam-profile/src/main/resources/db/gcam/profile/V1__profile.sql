-- gcam-profile: applicants' profiles, their history, consents and application snapshots.
-- Portable SQL: PostgreSQL and H2. Personal data is stored only as FieldCipher ciphertext (TEXT,
-- URL-safe Base64) bound to (table, column, row id); nothing personal is readable in a dump.

-- The current version of each profile (io.gcam.profile.jdbc.JdbcProfileStore). version is advanced
-- by a conditional UPDATE (compare-and-set), so of two updates from one version exactly one wins.
-- document_idx is the BlindIndex token of the identity document (HMAC; NULL when none).
CREATE TABLE gcam_profile (
    profile_id      VARCHAR(36)              NOT NULL,
    subject_id      VARCHAR(255)             NOT NULL,
    data_enc        TEXT                     NOT NULL,
    document_idx    VARCHAR(64),
    locked_fields   VARCHAR(1000)            NOT NULL,
    assurance_level VARCHAR(16)              NOT NULL,
    version         BIGINT                   NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gcam_profile_pk PRIMARY KEY (profile_id),
    CONSTRAINT gcam_profile_subject_uq UNIQUE (subject_id),
    CONSTRAINT gcam_profile_document_uq UNIQUE (document_idx),
    CONSTRAINT gcam_profile_version_ck CHECK (version >= 1),
    CONSTRAINT gcam_profile_status_ck CHECK (status IN ('ACTIVE', 'ERASED'))
);

-- One row per saved version: who (actor kind and id; "owner" for the applicant), when, which fields.
-- No values. The primary key makes a second row for one version impossible.
CREATE TABLE gcam_profile_version (
    profile_id     VARCHAR(36)              NOT NULL,
    version        BIGINT                   NOT NULL,
    action         VARCHAR(32)              NOT NULL,
    changed_fields VARCHAR(1000)            NOT NULL,
    actor_kind     VARCHAR(16)              NOT NULL,
    actor_id       VARCHAR(255)             NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gcam_profile_version_pk PRIMARY KEY (profile_id, version),
    CONSTRAINT gcam_profile_version_profile_fk FOREIGN KEY (profile_id) REFERENCES gcam_profile (profile_id)
);

-- Purpose-specific consents: which agency may read the profile for what, from when until withdrawn.
CREATE TABLE gcam_profile_consent (
    consent_id   VARCHAR(36)              NOT NULL,
    profile_id   VARCHAR(36)              NOT NULL,
    purpose      VARCHAR(100)             NOT NULL,
    agency       VARCHAR(64)              NOT NULL,
    granted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT gcam_profile_consent_pk PRIMARY KEY (consent_id),
    CONSTRAINT gcam_profile_consent_profile_fk FOREIGN KEY (profile_id) REFERENCES gcam_profile (profile_id)
);

CREATE INDEX gcam_profile_consent_profile_ix ON gcam_profile_consent (profile_id);

-- Frozen copies attached to applications at submission; one per application.
CREATE TABLE gcam_profile_snapshot (
    snapshot_id     VARCHAR(36)              NOT NULL,
    profile_id      VARCHAR(36)              NOT NULL,
    profile_version BIGINT                   NOT NULL,
    application_ref VARCHAR(100)             NOT NULL,
    agency          VARCHAR(64)              NOT NULL,
    data_enc        TEXT                     NOT NULL,
    taken_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    retain_until    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gcam_profile_snapshot_pk PRIMARY KEY (snapshot_id),
    CONSTRAINT gcam_profile_snapshot_application_uq UNIQUE (agency, application_ref),
    CONSTRAINT gcam_profile_snapshot_profile_fk FOREIGN KEY (profile_id) REFERENCES gcam_profile (profile_id)
);

CREATE INDEX gcam_profile_snapshot_profile_ix ON gcam_profile_snapshot (profile_id);
CREATE INDEX gcam_profile_snapshot_retain_ix ON gcam_profile_snapshot (retain_until);
