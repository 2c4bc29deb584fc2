-- Date of birth as a second inquiry factor, and inquiry attempt windows shared by every instance.
-- Portable SQL: PostgreSQL and H2.

-- Salted PBKDF2 hash of the applicant's date of birth given at submission (null: none given).
ALTER TABLE gcam_wf_application ADD COLUMN date_of_birth_hash VARCHAR(200);

-- One row per rate-limited key (a SHA-256 hex digest of the client key or the reference number,
-- never the value itself) (io.gcam.workflow.jdbc.JdbcInquiryLimitStore). attempts counts the
-- attempts taken since window_start; every change is one conditional UPDATE (or the INSERT that
-- opens the first window), so concurrent instances never grant more than the limit.
CREATE TABLE gcam_wf_inquiry_limit (
    limit_key    VARCHAR(64)              NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER                  NOT NULL,
    CONSTRAINT gcam_wf_inquiry_limit_pk PRIMARY KEY (limit_key),
    CONSTRAINT gcam_wf_inquiry_limit_attempts_ck CHECK (attempts >= 0)
);

CREATE INDEX gcam_wf_inquiry_limit_start_ix ON gcam_wf_inquiry_limit (window_start);
