-- gcam-identity: resend throttling enforced by the database. One row per destination (a hash, never
-- the address or number) holding the latest recorded issue. JdbcOneTimeCodeStore.tryRecordIssue
-- moves last_issued_at forward with a conditional UPDATE, or creates the row with an INSERT that the
-- primary key lets only one concurrent issuer win, so two instances cannot both send a code within
-- the resend interval.
CREATE TABLE gcam_identity_code_throttle (
    destination_key VARCHAR(64)              NOT NULL,
    last_issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gcam_identity_code_throttle_pk PRIMARY KEY (destination_key)
);
