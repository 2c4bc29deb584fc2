package io.gcam.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the hash-chained audit trail, as stored. Entries are never changed or removed;
 * {@link AuditTrail#verify()} detects it when they are.
 *
 * <p>{@code hash} is {@code SHA-256(previousHash || canonical form)}, in lower-case hex, where the
 * canonical form is described in {@link AuditTrail}. Each entry's {@code previousHash} is the
 * {@code hash} of the entry before it, and {@link AuditHead#GENESIS_HASH} for the first.
 *
 * @param index position in the trail: 1 for the first entry, then consecutive without gaps
 * @param actor who acted
 * @param action what was done, e.g. {@code application.approved}
 * @param objectType the kind of object acted on, e.g. {@code application}
 * @param objectId the identifier of that object
 * @param at when the entry was appended (the service clock, truncated to microseconds)
 * @param details canonical JSON text with the particulars ({@code {}} when none were given)
 * @param previousHash hash of the previous entry, or {@link AuditHead#GENESIS_HASH}
 * @param hash hash of this entry
 */
public record AuditEntry(long index, AuditActor actor, String action, String objectType, String objectId,
        Instant at, String details, String previousHash, String hash) {

    /** Checks that every field is present and the index is positive. */
    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (index < 1) {
            throw new IllegalArgumentException("audit entries are numbered from 1: " + index);
        }
    }

    /** @return the head the trail has once this entry is its newest */
    public AuditHead asHead() {
        return new AuditHead(index, hash);
    }
}
