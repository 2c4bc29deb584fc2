package io.gcam.records;

/**
 * How sensitive a record is, from least to most. A reader sees a record only when their clearance
 * (see {@link io.gcam.records.spi.ClearancePolicy}) is at least the record's level; otherwise the
 * record is treated as if it did not exist.
 */
public enum SecurityLevel {
    /** May be shown to anyone who may see the agency's records. */
    PUBLIC,
    /** For the agency's staff. */
    INTERNAL,
    /** For staff cleared for confidential records. */
    CONFIDENTIAL,
    /** For staff cleared for secret records. */
    SECRET;

    /**
     * @param level a record's level
     * @return whether a reader with this clearance may see a record of {@code level}
     */
    public boolean permits(SecurityLevel level) {
        return compareTo(level) >= 0;
    }
}
