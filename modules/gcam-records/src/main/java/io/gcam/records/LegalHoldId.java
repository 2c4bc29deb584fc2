package io.gcam.records;

import io.gcam.core.TypedId;

/**
 * Identifies one legal hold.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record LegalHoldId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code legalHoldId} when
     *     the value is not a UUID
     */
    public LegalHoldId {
        value = TypedId.requireValid(value, "legalHoldId");
    }

    @Override
    public String toString() {
        return value;
    }
}
