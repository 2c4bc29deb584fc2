package io.gcam.registration;

import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;

/** Error codes of gcam-registration. Messages are in {@code io/gcam/registration/messages*.properties}. */
public enum RegistrationErrorCode implements ErrorCode {
    /** The session has no free seat and its waitlist is off or full. */
    REGISTRATION_FULL(ErrorKind.CONFLICT),
    /** The activity is not open, or its registration window is not open now. */
    REGISTRATION_CLOSED(ErrorKind.RULE_VIOLATION),
    /** An eligibility rule refused the applicant; the exception lists the reasons. */
    NOT_ELIGIBLE(ErrorKind.RULE_VIOLATION),
    /** The applicant already holds an active registration for the activity (or the session). */
    ALREADY_REGISTERED(ErrorKind.CONFLICT),
    /** The applicant's cancellation deadline has passed; staff can still cancel. */
    CANCELLATION_DEADLINE_PASSED(ErrorKind.RULE_VIOLATION),
    /** The registration is already cancelled. */
    REGISTRATION_NOT_ACTIVE(ErrorKind.CONFLICT),
    /** The activity's status does not allow the requested change. */
    ACTIVITY_STATUS_INVALID(ErrorKind.CONFLICT);

    /** Base name of the message bundle. */
    public static final String BUNDLE = "io.gcam.registration.messages";

    private final ErrorKind kind;

    RegistrationErrorCode(ErrorKind kind) {
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
