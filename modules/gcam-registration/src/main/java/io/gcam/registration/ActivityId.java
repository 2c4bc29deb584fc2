package io.gcam.registration;

import io.gcam.core.TypedId;

/**
 * Identifies one activity.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record ActivityId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code activityId} when
     *     the value is not a UUID
     */
    public ActivityId {
        value = TypedId.requireValid(value, "activityId");
    }

    @Override
    public String toString() {
        return value;
    }
}
