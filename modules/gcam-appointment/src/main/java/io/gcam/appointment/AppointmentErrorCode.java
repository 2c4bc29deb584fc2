package io.gcam.appointment;

import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;

/** Error codes of gcam-appointment. Messages are in {@code io/gcam/appointment/messages*.properties}. */
public enum AppointmentErrorCode implements ErrorCode {
    /** Every place of the slot is taken (or held). */
    SLOT_FULL(ErrorKind.CONFLICT),
    /** The time is not a slot of the service: closed, a holiday, a break, too soon or too far ahead. */
    SLOT_NOT_BOOKABLE(ErrorKind.RULE_VIOLATION),
    /** The applicant already holds an active appointment for this service. */
    ALREADY_BOOKED(ErrorKind.CONFLICT),
    /** The hold was not confirmed in time and its place was given up. */
    HOLD_EXPIRED(ErrorKind.CONFLICT),
    /** The appointment's status does not allow the change (e.g. it is cancelled). */
    APPOINTMENT_NOT_ACTIVE(ErrorKind.CONFLICT),
    /** The manage code does not match the appointment. */
    MANAGE_CODE_INVALID(ErrorKind.ACCESS_DENIED),
    /** Check-in is not open for this appointment now (too early, too late, or another service point). */
    CHECK_IN_NOT_OPEN(ErrorKind.RULE_VIOLATION),
    /** The appointment's slot has not ended yet, so it cannot be marked as a no-show. */
    NO_SHOW_TOO_EARLY(ErrorKind.RULE_VIOLATION),
    /** The ticket's status does not allow the change. */
    TICKET_STATUS_INVALID(ErrorKind.CONFLICT),
    /** The counter is not one of the service point's counters. */
    COUNTER_UNKNOWN(ErrorKind.INVALID_INPUT);

    /** Base name of the message bundle. */
    public static final String BUNDLE = "io.gcam.appointment.messages";

    private final ErrorKind kind;

    AppointmentErrorCode(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }
}
