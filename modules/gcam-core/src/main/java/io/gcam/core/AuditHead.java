package io.gcam.core;

import java.util.Objects;

/**
 * The newest entry of an audit trail: its index and hash. Because every hash covers all entries
 * before it, the head identifies the whole history up to that point. Copy it somewhere the database
 * administrators cannot rewrite (a signed report, another system, a ticket) and pass it later to
 * {@link AuditTrail#verify(AuditHead)}: that detects a history rewritten or cut back below the
 * anchored point, which no check inside one database can.
 *
 * @param index index of the newest entry; {@code 0} for an empty trail
 * @param hash hash of the newest entry; {@link #GENESIS_HASH} for an empty trail
 */
public record AuditHead(long index, String hash) {

    /**
     * The "previous hash" of the first entry: 64 zeros, the hex form of 32 zero bytes. Fixed for
     * ever; changing it would invalidate every trail.
     */
    public static final String GENESIS_HASH = "0".repeat(64);

    /** Checks that the index is not negative and the hash is present. */
    public AuditHead {
        Objects.requireNonNull(hash, "hash");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
    }

    /** @return the head of an empty trail: index 0, {@link #GENESIS_HASH} */
    public static AuditHead genesis() {
        return new AuditHead(0, GENESIS_HASH);
    }

    /** @return whether this is the head of an empty trail */
    public boolean isGenesis() {
        return index == 0;
    }
}
