package io.gcam.identity;

import io.gcam.core.ErrorCode;
import io.gcam.core.ErrorKind;

/** Error codes of gcam-identity. Messages never contain the personal data that was checked. */
public enum IdentityErrorCode implements ErrorCode {
    /**
     * The person's verified identity is below the level the service demands, or there is none that
     * is still valid. Arguments: the required level, the level held ({@code NONE} when none).
     * {@link InsufficientAssuranceException#requiredLevel()} is the step-up target.
     */
    INSUFFICIENT_ASSURANCE(ErrorKind.ACCESS_DENIED),
    /** An identity-document number fails its format or check character. Argument: the document type. */
    INVALID_IDENTITY_DOCUMENT(ErrorKind.INVALID_INPUT),
    /** A one-time code is wrong. Argument: attempts left. */
    CODE_INCORRECT(ErrorKind.INVALID_INPUT),
    /** A one-time code expired, was already used, or was never issued. */
    CODE_EXPIRED(ErrorKind.INVALID_INPUT),
    /** Too many wrong attempts: the code is locked. */
    CODE_LOCKED(ErrorKind.RULE_VIOLATION),
    /** A new code was requested too soon after the previous one. Argument: seconds to wait. */
    CODE_RESEND_TOO_SOON(ErrorKind.RULE_VIOLATION),
    /** A TOTP/HOTP one-time password is wrong, outside the allowed window, or already used. */
    OTP_REJECTED(ErrorKind.ACCESS_DENIED),
    /** An ID token was rejected. {@link IdTokenRejectedException#reason()} says why. */
    ID_TOKEN_REJECTED(ErrorKind.ACCESS_DENIED),
    /** The identity provider's keys (JWKS) could not be fetched. */
    IDENTITY_PROVIDER_UNAVAILABLE(ErrorKind.UNAVAILABLE);

    /** Base name of gcam-identity's message bundle. */
    public static final String BUNDLE = "io.gcam.identity.messages";

    private final ErrorKind kind;

    IdentityErrorCode(ErrorKind kind) {
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
