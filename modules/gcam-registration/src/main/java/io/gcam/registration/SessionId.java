package io.gcam.registration;

import io.gcam.core.TypedId;

/**
 * Identifies one session.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record SessionId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code sessionId} when
     *     the value is not a UUID
     */
    public SessionId {
        value = TypedId.requireValid(value, "sessionId");
    }

    @Override
    public String toString() {
        return value;
    }
}
