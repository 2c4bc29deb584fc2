package io.gcam.records;

import io.gcam.core.TypedId;

/**
 * Identifies one disposal run.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record DisposalRunId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code disposalRunId} when
     *     the value is not a UUID
     */
    public DisposalRunId {
        value = TypedId.requireValid(value, "disposalRunId");
    }

    @Override
    public String toString() {
        return value;
    }
}
