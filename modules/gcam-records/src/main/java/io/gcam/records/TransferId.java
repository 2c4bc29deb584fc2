package io.gcam.records;

import io.gcam.core.TypedId;

/**
 * Identifies one transfer of custody.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record TransferId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code transferId} when
     *     the value is not a UUID
     */
    public TransferId {
        value = TypedId.requireValid(value, "transferId");
    }

    @Override
    public String toString() {
        return value;
    }
}
