package io.gcam.profile;

import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;

/** Error codes of gcam-profile. Messages never contain the personal data involved. */
public enum ProfileErrorCode implements ErrorCode {
    /** The applicant tried to change fields taken from a verified identity. Argument: the fields. */
    PROFILE_FIELD_LOCKED(ErrorKind.RULE_VIOLATION),
    /** The applicant already has a profile. */
    PROFILE_EXISTS(ErrorKind.CONFLICT),
    /** Another profile holds the same identity document. */
    PROFILE_DOCUMENT_IN_USE(ErrorKind.CONFLICT),
    /** The agency has no consent in force for this purpose. Arguments: the purpose, the agency. */
    CONSENT_REQUIRED(ErrorKind.ACCESS_DENIED),
    /** The verified identity has expired or belongs to someone else. */
    IDENTITY_NOT_VALID(ErrorKind.RULE_VIOLATION),
    /** The profile was erased; it can no longer be changed or attached. */
    PROFILE_ERASED(ErrorKind.RULE_VIOLATION);

    /** Base name of gcam-profile's message bundle. */
    public static final String BUNDLE = "io.gcam.profile.messages";

    private final ErrorKind kind;

    ProfileErrorCode(ErrorKind kind) {
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
