package io.gcam.records;

import io.gcam.core.TypedId;

/**
 * Identifies one record or dossier.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record RecordId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code recordId} when
     *     the value is not a UUID
     */
    public RecordId {
        value = TypedId.requireValid(value, "recordId");
    }

    @Override
    public String toString() {
        return value;
    }
}
