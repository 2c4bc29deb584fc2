-- TEMPORARY stand-in for gcam-core's idempotency table; dropped at merge.
CREATE TABLE gcam_idempotency (
    scope       VARCHAR(200)    NOT NULL,
    idem_key    VARCHAR(255)    NOT NULL,
    fingerprint VARCHAR(64)     NOT NULL,
    result      VARCHAR(1000000),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
