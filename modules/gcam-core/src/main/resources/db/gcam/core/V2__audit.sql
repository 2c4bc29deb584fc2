-- Hash-chained audit trail (io.gcam.core.AuditTrail, io.gcam.core.jdbc.JdbcAuditStore).
-- Portable SQL: PostgreSQL and H2.

-- One row per entry. Entries are only ever inserted. seq is the entry index (1, 2, 3, ...);
-- hashes are lower-case hex SHA-256. details holds canonical JSON as text (not jsonb: the text
-- is hashed and must come back byte for byte).
CREATE TABLE gcam_audit_entry (
    seq           BIGINT                   NOT NULL,
    actor_id      VARCHAR(255)             NOT NULL,
    actor_kind    VARCHAR(16)              NOT NULL,
    actor_agency  VARCHAR(100),
    action        VARCHAR(100)             NOT NULL,
    object_type   VARCHAR(100)             NOT NULL,
    object_id     VARCHAR(255)             NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    details       TEXT                     NOT NULL,
    previous_hash VARCHAR(64)              NOT NULL,
    entry_hash    VARCHAR(64)              NOT NULL,
    CONSTRAINT gcam_audit_entry_pk PRIMARY KEY (seq),
    -- Each hash can be followed by one entry only: the chain can never fork.
    CONSTRAINT gcam_audit_entry_previous_uq UNIQUE (previous_hash)
);

CREATE INDEX gcam_audit_entry_object_ix ON gcam_audit_entry (object_type, object_id, seq);

-- The single head row. Appends lock it for the rest of their transaction, which serializes them
-- across threads and application instances; it also records how long the chain must be, so that
-- deleting the newest entries is detected.
CREATE TABLE gcam_audit_head (
    id        INTEGER     NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT gcam_audit_head_pk PRIMARY KEY (id),
    CONSTRAINT gcam_audit_head_single_ck CHECK (id = 1)
);

-- The empty chain: index 0 and the genesis hash (64 zeros).
INSERT INTO gcam_audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
