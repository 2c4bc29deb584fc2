-- gcam-catalog: catalogue entries (every version of every service), filings made through the
-- single window, and the case records behind the performance figures. Portable SQL for PostgreSQL and H2.

-- One row per version. The definition is stored as JSON (the catalogue import/export format);
-- the columns beside it are what the store filters on. revision is the optimistic version:
-- every change is an UPDATE ... WHERE code = ? AND version = ? AND revision = ?.
CREATE TABLE gcam_cat_service (
    code           VARCHAR(64)              NOT NULL,
    version        INTEGER                  NOT NULL,
    agency         VARCHAR(100)             NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    effective_from DATE,
    revision       BIGINT                   NOT NULL,
    definition     TEXT                     NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gcam_cat_service_pk PRIMARY KEY (code, version),
    CONSTRAINT gcam_cat_service_status_ck CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED'))
);

CREATE INDEX gcam_cat_service_agency_ix ON gcam_cat_service (agency, code, version);
CREATE INDEX gcam_cat_service_status_ix ON gcam_cat_service (status, code, version);

-- A single row counting changes of gcam_cat_service, incremented in the same transaction as each
-- change, so that every application instance notices changes made by the others.
CREATE TABLE gcam_cat_change (
    id      INTEGER NOT NULL,
    changes BIGINT  NOT NULL,
    CONSTRAINT gcam_cat_change_pk PRIMARY KEY (id)
);

INSERT INTO gcam_cat_change (id, changes) VALUES (1, 0);

CREATE TABLE gcam_cat_filing (
    id               VARCHAR(64)              NOT NULL,
    applicant_id     VARCHAR(255)             NOT NULL,
    service_code     VARCHAR(64)              NOT NULL,
    agency           VARCHAR(100)             NOT NULL,
    application_id   VARCHAR(255)             NOT NULL,
    reference_number VARCHAR(100)             NOT NULL,
    filed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gcam_cat_filing_pk PRIMARY KEY (id),
    CONSTRAINT gcam_cat_filing_application_uq UNIQUE (agency, application_id)
);

CREATE INDEX gcam_cat_filing_applicant_ix ON gcam_cat_filing (applicant_id, filed_at);

CREATE TABLE gcam_cat_case (
    application_id VARCHAR(255)             NOT NULL,
    service_code   VARCHAR(64)              NOT NULL,
    agency         VARCHAR(100)             NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT gcam_cat_case_pk PRIMARY KEY (application_id)
);

CREATE INDEX gcam_cat_case_received_ix ON gcam_cat_case (service_code, received_at);
CREATE INDEX gcam_cat_case_completed_ix ON gcam_cat_case (service_code, completed_at);
