package io.gcam.identity;

import io.gcam.core.GcamException;

/**
 * A one-time code was refused: {@code CODE_INCORRECT}, {@code CODE_EXPIRED}, {@code CODE_LOCKED} or
 * {@code CODE_RESEND_TOO_SOON}.
 */
public final class OneTimeCodeException extends GcamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code one of the code errors
     * @param arguments its message arguments
     */
    public OneTimeCodeException(IdentityErrorCode code, Object... arguments) {
        super(code, arguments);
    }
}
