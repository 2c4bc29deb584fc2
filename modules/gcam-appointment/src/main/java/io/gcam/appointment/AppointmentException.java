package io.gcam.appointment;

import io.gcam.core.GcamException;

/** An appointment or queue rule refused the request. Nothing was changed. See {@link AppointmentErrorCode}. */
public class AppointmentException extends GcamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code the error code
     * @param arguments the message arguments
     */
    public AppointmentException(AppointmentErrorCode code, Object... arguments) {
        super(code, arguments);
    }
}
