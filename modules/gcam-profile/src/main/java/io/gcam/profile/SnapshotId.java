package io.gcam.profile;

import io.gcam.core.TypedId;

/**
 * Identifies one snapshot.
 *
 * @param value the identifier, a UUID in canonical lower-case form
 */
public record SnapshotId(String value) implements TypedId {

    /**
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} naming {@code snapshotId} when the
     *     value is not a UUID
     */
    public SnapshotId {
        value = TypedId.requireValid(value, "snapshotId");
    }

    @Override
    public String toString() {
        return value;
    }
}
