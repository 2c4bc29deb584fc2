package io.gcam.appointment;

import io.gcam.core.TypedId;

/**
 * Identifies one appointment.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record AppointmentId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code appointmentId} when the
     *     value is not a UUID
     */
    public AppointmentId {
        value = TypedId.requireValid(value, "appointmentId");
    }

    @Override
    public String toString() {
        return value;
    }
}
