package io.gcam.records;

import io.gcam.core.AuditActor;
import io.gcam.core.AuditEntry;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a record's chain of custody. The chain uses the hash format of
 * {@link io.gcam.core.AuditTrail} (object type {@code record}, object id the record id), so the same
 * independent tools can check it.
 *
 * @param recordId the record
 * @param index 1 for the record's first event, then consecutive
 * @param action what happened
 * @param actor who did it
 * @param at when
 * @param details canonical JSON with the particulars (e.g. {@code {"location":"B2-14"}})
 * @param previousHash the previous event's hash, 64 zeros for the first
 * @param hash this event's hash
 */
public record CustodyEvent(RecordId recordId, long index, CustodyAction action, AuditActor actor, Instant at,
        String details, String previousHash, String hash) {

    /** Checks that every field is present. */
    public CustodyEvent {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /**
     * @param recordId the record the chain belongs to
     * @param entry a stored entry of that chain
     * @return the event
     * @throws IllegalArgumentException when the entry's action is not a custody action
     */
    public static CustodyEvent of(RecordId recordId, AuditEntry entry) {
        CustodyAction action = CustodyAction.ofActionName(entry.action())
                .orElseThrow(() -> new IllegalArgumentException("not a custody action: " + entry.action()));
        return new CustodyEvent(recordId, entry.index(), action, entry.actor(), entry.at(), entry.details(),
                entry.previousHash(), entry.hash());
    }
}
