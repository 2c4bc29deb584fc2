package io.gcam.profile;

import io.gcam.core.TypedId;

/**
 * Identifies one consent.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record ConsentId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code consentId} when the
     *     value is not a UUID
     */
    public ConsentId {
        value = TypedId.requireValid(value, "consentId");
    }

    @Override
    public String toString() {
        return value;
    }
}
