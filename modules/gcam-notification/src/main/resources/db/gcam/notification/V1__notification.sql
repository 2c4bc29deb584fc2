-- Transactional outbox of notifications (io.gcam.notification.jdbc.JdbcOutboxStore) and the
-- in-app inbox (JdbcInboxStore). Portable SQL: PostgreSQL and H2.

CREATE TABLE gcam_notification (
    id               VARCHAR(64)              NOT NULL,
    reference        VARCHAR(255),
    agency           VARCHAR(100),
    subject_id       VARCHAR(255),
    template_id      VARCHAR(100)             NOT NULL,
    template_version INTEGER                  NOT NULL,
    channel          VARCHAR(16)              NOT NULL,
    locale           VARCHAR(35)              NOT NULL,
    recipient        VARCHAR(320)             NOT NULL,
    subject          VARCHAR(1000),
    body_text        TEXT                     NOT NULL,
    body_html        TEXT,
    attachments      TEXT,
    status           VARCHAR(20)              NOT NULL,
    attempts         INTEGER                  NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gcam_notification_pk PRIMARY KEY (id),
    CONSTRAINT gcam_notification_channel_ck CHECK (channel IN ('EMAIL', 'SMS', 'IN_APP')),
    CONSTRAINT gcam_notification_status_ck CHECK (status IN ('CREATED', 'SENDING', 'DELIVERED',
        'PERMANENT_FAILURE', 'TEMPORARY_FAILURE', 'TECHNICAL_FAILURE')),
    CONSTRAINT gcam_notification_attempts_ck CHECK (attempts >= 0)
);

-- Workers look for due work by status and time.
CREATE INDEX gcam_notification_due_ix ON gcam_notification (status, next_attempt_at);
CREATE INDEX gcam_notification_reference_ix ON gcam_notification (reference);

CREATE TABLE gcam_notification_inbox (
    id          VARCHAR(64)              NOT NULL,
    subject_id  VARCHAR(255)             NOT NULL,
    template_id VARCHAR(100)             NOT NULL,
    body_text   TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE,
    -- One message per notification: a redelivered notification shows once.
    CONSTRAINT gcam_notification_inbox_pk PRIMARY KEY (id)
);

CREATE INDEX gcam_notification_inbox_owner_ix ON gcam_notification_inbox (subject_id, created_at);
