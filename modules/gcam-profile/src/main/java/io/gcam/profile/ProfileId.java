package io.gcam.profile;

import io.gcam.core.TypedId;

/**
 * Identifies one profile.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record ProfileId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code profileId} when the
     *     value is not a UUID
     */
    public ProfileId {
        value = TypedId.requireValid(value, "profileId");
    }

    @Override
    public String toString() {
        return value;
    }
}
