-- gcam-identity: one-time codes and used TOTP time steps. Portable SQL: PostgreSQL and H2.

-- One row per issued one-time code (io.gcam.identity.jdbc.JdbcOneTimeCodeStore). The code is
-- stored only as a salted hash; the destination only as a hash. attempts never exceeds the
-- service's limit: it is raised by a conditional UPDATE.
CREATE TABLE gcam_identity_code (
    challenge_id    VARCHAR(64)              NOT NULL,
    subject_id      VARCHAR(255)             NOT NULL,
    channel         VARCHAR(16)              NOT NULL,
    destination_key VARCHAR(64)              NOT NULL,
    code_hash       VARCHAR(200)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER                  NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT gcam_identity_code_pk PRIMARY KEY (challenge_id),
    CONSTRAINT gcam_identity_code_attempts_ck CHECK (attempts >= 0)
);

-- resend throttling: latest code per destination
CREATE INDEX gcam_identity_code_destination_ix ON gcam_identity_code (destination_key, created_at);
-- purgeExpired()
CREATE INDEX gcam_identity_code_expires_ix ON gcam_identity_code (expires_at);

-- The last accepted TOTP time step per subject (io.gcam.identity.jdbc.JdbcUsedTimeStepStore).
CREATE TABLE gcam_identity_totp_step (
    subject_id VARCHAR(255) NOT NULL,
    last_step  BIGINT       NOT NULL,
    CONSTRAINT gcam_identity_totp_step_pk PRIMARY KEY (subject_id)
);

-- Verifications linked to one person (io.gcam.identity.jdbc.JdbcVerificationStore). The verified
-- attributes are a FieldCipher ciphertext bound to (table, column, verification_id); the level and
-- validity stay readable so the strongest valid verification can be chosen.
CREATE TABLE gcam_identity_verification (
    verification_id VARCHAR(64)              NOT NULL,
    person_id       VARCHAR(255)             NOT NULL,
    method          VARCHAR(32)              NOT NULL,
    level           VARCHAR(16)              NOT NULL,
    verified_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attributes      TEXT                     NOT NULL,
    CONSTRAINT gcam_identity_verification_pk PRIMARY KEY (verification_id),
    CONSTRAINT gcam_identity_verification_level_ck CHECK (level IN ('LOW', 'SUBSTANTIAL', 'HIGH'))
);

CREATE INDEX gcam_identity_verification_person_ix ON gcam_identity_verification (person_id, expires_at);
