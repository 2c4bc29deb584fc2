package io.gcam.identity;

import io.gcam.core.GcamException;

/**
 * {@code OTP_REJECTED}: a TOTP/HOTP password is wrong, outside the allowed drift window, or was
 * already used. The exception does not say which, so a guesser learns nothing.
 */
public final class OtpRejectedException extends GcamException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public OtpRejectedException() {
        super(IdentityErrorCode.OTP_REJECTED);
    }
}
