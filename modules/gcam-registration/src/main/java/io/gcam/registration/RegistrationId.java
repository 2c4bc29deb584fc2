package io.gcam.registration;

import io.gcam.core.TypedId;

/**
 * Identifies one registration.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record RegistrationId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code registrationId} when
     *     the value is not a UUID
     */
    public RegistrationId {
        value = TypedId.requireValid(value, "registrationId");
    }

    @Override
    public String toString() {
        return value;
    }
}
