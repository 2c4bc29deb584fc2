-- gcam-records: the registry (records, versions, chains of custody), the file plan, transfers,
-- legal holds, disposal runs and disposal certificates. Portable SQL for PostgreSQL and H2.
-- Certificates deliberately have no foreign key to the record: they outlive it.

CREATE TABLE gcam_rec_classification (
    agency          VARCHAR(100)  NOT NULL,
    code            VARCHAR(100)  NOT NULL,
    title_en        VARCHAR(1000) NOT NULL,
    title_zh        VARCHAR(1000),
    title_pt        VARCHAR(1000),
    parent_code     VARCHAR(100),
    keep_for        VARCHAR(32),
    disposal_action VARCHAR(32),
    CONSTRAINT gcam_rec_classification_pk PRIMARY KEY (agency, code)
);

CREATE TABLE gcam_rec_record (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    reference            VARCHAR(100)  NOT NULL,
    kind                 VARCHAR(16)   NOT NULL,
    dossier_id           VARCHAR(36),
    title_en             VARCHAR(1000) NOT NULL,
    title_zh             VARCHAR(1000),
    title_pt             VARCHAR(1000),
    classification_code  VARCHAR(100)  NOT NULL,
    security_level       VARCHAR(16)   NOT NULL,
    security_rank        SMALLINT      NOT NULL,
    owner_agency         VARCHAR(100)  NOT NULL,
    owner_department     VARCHAR(100)  NOT NULL,
    custodian_agency     VARCHAR(100)  NOT NULL,
    custodian_department VARCHAR(100)  NOT NULL,
    case_reference       VARCHAR(100),
    status               VARCHAR(16)   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at            TIMESTAMP WITH TIME ZONE,
    location             VARCHAR(255),
    barcode              VARCHAR(100),
    checked_out_by       VARCHAR(255),
    checked_out_at       TIMESTAMP WITH TIME ZONE,
    check_out_reason     VARCHAR(1000),
    pending_transfer_id  VARCHAR(36),
    active_holds         INTEGER       NOT NULL,
    latest_version       INTEGER       NOT NULL,
    revision             BIGINT        NOT NULL,
    custody_seq          BIGINT        NOT NULL,
    custody_hash         CHAR(64)      NOT NULL,
    CONSTRAINT gcam_rec_record_reference_uk UNIQUE (reference),
    CONSTRAINT gcam_rec_record_barcode_uk UNIQUE (owner_agency, barcode),
    CONSTRAINT gcam_rec_record_holds_ck CHECK (active_holds >= 0)
);

CREATE INDEX gcam_rec_record_owner_ix ON gcam_rec_record (owner_agency, created_at);
CREATE INDEX gcam_rec_record_custodian_ix ON gcam_rec_record (custodian_agency, created_at);
CREATE INDEX gcam_rec_record_due_ix ON gcam_rec_record (owner_agency, classification_code, status, closed_at);
CREATE INDEX gcam_rec_record_case_ix ON gcam_rec_record (case_reference);
CREATE INDEX gcam_rec_record_dossier_ix ON gcam_rec_record (dossier_id);

CREATE TABLE gcam_rec_keyword (
    record_id VARCHAR(36)  NOT NULL,
    keyword   VARCHAR(100) NOT NULL,
    CONSTRAINT gcam_rec_keyword_pk PRIMARY KEY (record_id, keyword),
    CONSTRAINT gcam_rec_keyword_record_fk FOREIGN KEY (record_id) REFERENCES gcam_rec_record (id)
);

CREATE INDEX gcam_rec_keyword_ix ON gcam_rec_keyword (keyword);

CREATE TABLE gcam_rec_version (
    record_id  VARCHAR(36)   NOT NULL,
    version_no INTEGER       NOT NULL,
    content_id VARCHAR(255)  NOT NULL,
    sha256     CHAR(64)      NOT NULL,
    size_bytes BIGINT        NOT NULL,
    media_type VARCHAR(255)  NOT NULL,
    created_by VARCHAR(255)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    CONSTRAINT gcam_rec_version_pk PRIMARY KEY (record_id, version_no),
    CONSTRAINT gcam_rec_version_record_fk FOREIGN KEY (record_id) REFERENCES gcam_rec_record (id)
);

-- One hash chain per record, in the hash format of gcam-core's audit trail (object type "record",
-- object id the record id). The unique previous hash makes a fork impossible even for writers that
-- bypass JdbcRecordStore.
CREATE TABLE gcam_rec_custody (
    record_id     VARCHAR(36)  NOT NULL,
    seq           BIGINT       NOT NULL,
    actor_id      VARCHAR(255) NOT NULL,
    actor_kind    VARCHAR(16)  NOT NULL,
    actor_agency  VARCHAR(100),
    action        VARCHAR(100) NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    details       TEXT         NOT NULL,
    previous_hash CHAR(64)     NOT NULL,
    entry_hash    CHAR(64)     NOT NULL,
    CONSTRAINT gcam_rec_custody_pk PRIMARY KEY (record_id, seq),
    CONSTRAINT gcam_rec_custody_previous_uk UNIQUE (record_id, previous_hash),
    CONSTRAINT gcam_rec_custody_record_fk FOREIGN KEY (record_id) REFERENCES gcam_rec_record (id)
);

CREATE TABLE gcam_rec_transfer (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    record_id       VARCHAR(36)   NOT NULL,
    from_agency     VARCHAR(100)  NOT NULL,
    from_department VARCHAR(100)  NOT NULL,
    to_agency       VARCHAR(100)  NOT NULL,
    to_department   VARCHAR(100)  NOT NULL,
    note            VARCHAR(1000) NOT NULL,
    sent_by         VARCHAR(255)  NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    acknowledged_by VARCHAR(255),
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT gcam_rec_transfer_record_fk FOREIGN KEY (record_id) REFERENCES gcam_rec_record (id)
);

CREATE INDEX gcam_rec_transfer_to_ix ON gcam_rec_transfer (to_agency, status, sent_at);
CREATE INDEX gcam_rec_transfer_record_ix ON gcam_rec_transfer (record_id);

CREATE TABLE gcam_rec_legal_hold (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    record_id   VARCHAR(36)   NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    placed_by   VARCHAR(255)  NOT NULL,
    placed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    released_by VARCHAR(255),
    released_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT gcam_rec_legal_hold_record_fk FOREIGN KEY (record_id) REFERENCES gcam_rec_record (id)
);

CREATE INDEX gcam_rec_legal_hold_record_ix ON gcam_rec_legal_hold (record_id);

CREATE TABLE gcam_rec_disposal_run (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    agency      VARCHAR(100) NOT NULL,
    status      VARCHAR(32)  NOT NULL,
    prepared_by VARCHAR(255) NOT NULL,
    prepared_at TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by VARCHAR(255),
    approved_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE gcam_rec_disposal_item (
    run_id              VARCHAR(36)  NOT NULL,
    position            INTEGER      NOT NULL,
    record_id           VARCHAR(36)  NOT NULL,
    reference           VARCHAR(100) NOT NULL,
    classification_code VARCHAR(100) NOT NULL,
    keep_for            VARCHAR(32)  NOT NULL,
    disposal_action     VARCHAR(32)  NOT NULL,
    closed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    revision            BIGINT       NOT NULL,
    outcome             VARCHAR(32),
    CONSTRAINT gcam_rec_disposal_item_pk PRIMARY KEY (run_id, position),
    CONSTRAINT gcam_rec_disposal_item_run_fk FOREIGN KEY (run_id) REFERENCES gcam_rec_disposal_run (id)
);

CREATE TABLE gcam_rec_disposal_certificate (
    run_id              VARCHAR(36)   NOT NULL,
    record_id           VARCHAR(36)   NOT NULL,
    reference           VARCHAR(100)  NOT NULL,
    title_en            VARCHAR(1000) NOT NULL,
    title_zh            VARCHAR(1000),
    title_pt            VARCHAR(1000),
    agency              VARCHAR(100)  NOT NULL,
    classification_code VARCHAR(100)  NOT NULL,
    keep_for            VARCHAR(32)   NOT NULL,
    disposal_action     VARCHAR(32)   NOT NULL,
    outcome             VARCHAR(32)   NOT NULL,
    prepared_by         VARCHAR(255)  NOT NULL,
    approved_by         VARCHAR(255)  NOT NULL,
    disposed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    custody_seq         BIGINT        NOT NULL,
    custody_hash        CHAR(64)      NOT NULL,
    CONSTRAINT gcam_rec_disposal_certificate_pk PRIMARY KEY (run_id, record_id)
);

CREATE INDEX gcam_rec_disposal_certificate_agency_ix ON gcam_rec_disposal_certificate (agency, disposed_at);
