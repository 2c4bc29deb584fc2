package io.gcam.appointment;

import io.gcam.core.TypedId;

/**
 * Identifies one service point (a counter hall, an office).
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record ServicePointId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code servicePointId} when the
     *     value is not a UUID
     */
    public ServicePointId {
        value = TypedId.requireValid(value, "servicePointId");
    }

    @Override
    public String toString() {
        return value;
    }
}
