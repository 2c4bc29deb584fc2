-- gcam-appointment: service points, bookable services, slots with place counters, appointments,
-- and the queue (ticket numbers per day and tickets). Portable SQL for PostgreSQL and H2.

CREATE TABLE gcam_appt_service_point (
    id               CHAR(36)      NOT NULL PRIMARY KEY,
    agency           VARCHAR(100)  NOT NULL,
    name_en          VARCHAR(500)  NOT NULL,
    name_zh_hant     VARCHAR(500),
    name_pt          VARCHAR(500),
    location_en      VARCHAR(1000) NOT NULL,
    location_zh_hant VARCHAR(1000),
    location_pt      VARCHAR(1000),
    zone_id          VARCHAR(64)   NOT NULL,
    opening_hours    VARCHAR(2000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX gcam_appt_service_point_agency ON gcam_appt_service_point (agency, created_at);

CREATE TABLE gcam_appt_counter (
    service_point_id CHAR(36)     NOT NULL REFERENCES gcam_appt_service_point (id),
    position         INTEGER      NOT NULL,
    name             VARCHAR(100) NOT NULL,
    PRIMARY KEY (service_point_id, position)
);

CREATE TABLE gcam_appt_closure (
    service_point_id CHAR(36) NOT NULL REFERENCES gcam_appt_service_point (id),
    closed_on        DATE     NOT NULL,
    PRIMARY KEY (service_point_id, closed_on)
);

CREATE TABLE gcam_appt_service (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    service_point_id CHAR(36)     NOT NULL REFERENCES gcam_appt_service_point (id),
    agency           VARCHAR(100) NOT NULL,
    code             VARCHAR(100) NOT NULL,
    name_en          VARCHAR(500) NOT NULL,
    name_zh_hant     VARCHAR(500),
    name_pt          VARCHAR(500),
    slot_seconds     BIGINT       NOT NULL,
    capacity         INTEGER      NOT NULL,
    notice_seconds   BIGINT       NOT NULL,
    max_days_ahead   INTEGER      NOT NULL,
    ticket_prefix    VARCHAR(3)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gcam_appt_service_code UNIQUE (service_point_id, code)
);

-- One row per slot that has ever been booked. taken counts the appointments holding a place; it is
-- only changed by conditional updates (taken = taken + 1 WHERE taken < capacity) in the same
-- transaction as the appointment row, and the CHECK is the last line of defence.
CREATE TABLE gcam_appt_slot (
    service_id CHAR(36) NOT NULL REFERENCES gcam_appt_service (id),
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    capacity   INTEGER  NOT NULL,
    taken      INTEGER  NOT NULL,
    PRIMARY KEY (service_id, starts_at),
    CONSTRAINT gcam_appt_slot_places CHECK (taken >= 0 AND taken <= capacity)
);

-- active_flag is 'Y' while an appointment is held or confirmed, NULL otherwise: with NULLs distinct
-- in unique constraints (both databases) this allows one active appointment per applicant and
-- service and any number of finished ones (H2 has no partial indexes).
CREATE TABLE gcam_appt_appointment (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    service_id         CHAR(36)     NOT NULL REFERENCES gcam_appt_service (id),
    service_point_id   CHAR(36)     NOT NULL,
    agency             VARCHAR(100) NOT NULL,
    applicant_id       VARCHAR(255),
    starts_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    hold_expires_at    TIMESTAMP WITH TIME ZONE,
    walk_in            BOOLEAN      NOT NULL,
    manage_code_digest CHAR(64)     NOT NULL,
    change_seq         INTEGER      NOT NULL,
    active_flag        CHAR(1),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gcam_appt_one_active UNIQUE (service_id, applicant_id, active_flag),
    CONSTRAINT gcam_appt_manage_code UNIQUE (manage_code_digest),
    CONSTRAINT gcam_appt_active_marker CHECK (
        (status IN ('HELD', 'CONFIRMED') AND active_flag = 'Y')
        OR (status IN ('CHECKED_IN', 'NO_SHOW', 'CANCELLED', 'EXPIRED') AND active_flag IS NULL))
);

CREATE INDEX gcam_appt_appointment_slot ON gcam_appt_appointment (service_id, starts_at, status);
CREATE INDEX gcam_appt_appointment_hold ON gcam_appt_appointment (status, hold_expires_at);
CREATE INDEX gcam_appt_appointment_applicant ON gcam_appt_appointment (applicant_id, created_at);

-- The last number given per service point, day and prefix; incremented under the row lock.
CREATE TABLE gcam_appt_ticket_counter (
    service_point_id CHAR(36)   NOT NULL,
    local_day        DATE       NOT NULL,
    prefix           VARCHAR(3) NOT NULL,
    last_number      INTEGER    NOT NULL,
    PRIMARY KEY (service_point_id, local_day, prefix)
);

CREATE TABLE gcam_appt_ticket (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    service_point_id CHAR(36)     NOT NULL,
    service_id       CHAR(36)     NOT NULL,
    local_day        DATE         NOT NULL,
    prefix           VARCHAR(3)   NOT NULL,
    seq_no           INTEGER      NOT NULL,
    ticket_number    VARCHAR(16)  NOT NULL,
    ticket_kind      VARCHAR(16)  NOT NULL,
    appointment_id   CHAR(36),
    scheduled_at     TIMESTAMP WITH TIME ZONE,
    status           VARCHAR(16)  NOT NULL,
    counter_name     VARCHAR(100),
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    called_at        TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT gcam_appt_ticket_number UNIQUE (service_point_id, local_day, prefix, seq_no),
    CONSTRAINT gcam_appt_ticket_appointment UNIQUE (appointment_id)
);

CREATE INDEX gcam_appt_ticket_day ON gcam_appt_ticket (service_point_id, local_day, issued_at);
CREATE INDEX gcam_appt_ticket_served ON gcam_appt_ticket (service_id, status, finished_at);
