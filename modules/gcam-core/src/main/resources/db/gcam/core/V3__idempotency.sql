-- Idempotency keys and stored results (io.gcam.core.IdempotentExecutor,
-- io.gcam.core.jdbc.JdbcIdempotencyStore). Portable SQL: PostgreSQL and H2.

-- actor_scope is '<actor kind>:<subject id>'. The primary key makes concurrent first requests
-- with one key race on the insert: exactly one wins. status is IN_FLIGHT or COMPLETED.
CREATE TABLE gcam_idempotency_key (
    actor_scope  VARCHAR(300)             NOT NULL,
    idem_key     VARCHAR(255)             NOT NULL,
    fingerprint  VARCHAR(64)              NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    result       TEXT,
    owner_token  VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gcam_idempotency_key_pk PRIMARY KEY (actor_scope, idem_key),
    CONSTRAINT gcam_idempotency_key_status_ck CHECK (status IN ('IN_FLIGHT', 'COMPLETED'))
);

-- purgeExpired()
CREATE INDEX gcam_idempotency_key_expires_ix ON gcam_idempotency_key (expires_at);
