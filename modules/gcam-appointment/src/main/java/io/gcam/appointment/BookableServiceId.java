package io.gcam.appointment;

import io.gcam.core.TypedId;

/**
 * Identifies one bookable service offered at a service point.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record BookableServiceId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code serviceId} when the
     *     value is not a UUID
     */
    public BookableServiceId {
        value = TypedId.requireValid(value, "serviceId");
    }

    @Override
    public String toString() {
        return value;
    }
}
