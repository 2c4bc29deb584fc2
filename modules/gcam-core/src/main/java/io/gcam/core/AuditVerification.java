package io.gcam.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link AuditTrail#verify()}: either the whole trail is intact, or the first place
 * where it is not, and why.
 *
 * @param head the head the trail was verified up to; anchor it outside the database (see
 *     {@link AuditHead})
 * @param entriesChecked how many entries were found intact, from index 1 on
 * @param failure the first problem found, or {@code null} when the trail is intact
 */
public record AuditVerification(AuditHead head, long entriesChecked, @Nullable Failure failure) {

    /** Checks that the head is present. */
    public AuditVerification {
        Objects.requireNonNull(head, "head");
    }

    /** @return whether the trail is intact */
    public boolean ok() {
        return failure == null;
    }

    /**
     * Where the trail is broken.
     *
     * @param index the index of the first entry found broken or missing
     * @param reason the kind of break
     * @param detail an English explanation for logs and reports (no personal data)
     */
    public record Failure(long index, Reason reason, String detail) {

        /** Checks that reason and detail are present. */
        public Failure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The kinds of break {@link AuditTrail#verify()} reports. */
    public enum Reason {
        /**
         * The entry's content no longer matches its own hash: a field was edited, or another entry
         * was moved to this position.
         */
        ENTRY_ALTERED,
        /**
         * The entry is intact but does not link to the entry before it: that one was replaced by an
         * entry whose hash was recomputed, or entries were inserted or reordered with recomputed
         * hashes.
         */
        CHAIN_BROKEN,
        /** An index is missing before the head: the entry was deleted. */
        ENTRY_MISSING,
        /** The head names more entries than exist: the newest entries were deleted. */
        TAIL_MISSING,
        /** The newest entry's hash differs from the head's: the head or the newest entry was rewritten. */
        HEAD_MISMATCH,
        /**
         * The entry at the anchored index does not have the anchored hash: the history up to the
         * anchor was rewritten or cut back since the anchor was taken.
         */
        ANCHOR_MISMATCH
    }
}
