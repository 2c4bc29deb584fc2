package io.gcam.registration;

import io.gcam.core.GcamException;

/** A registration rule refused the request. Nothing was changed. See {@link RegistrationErrorCode}. */
public class RegistrationException extends GcamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code the error code
     * @param arguments the message arguments
     */
    public RegistrationException(RegistrationErrorCode code, Object... arguments) {
        super(code, arguments);
    }
}
