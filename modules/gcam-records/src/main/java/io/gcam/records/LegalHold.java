package io.gcam.records;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A legal hold on a record: while it is in force the record is never disposed of.
 *
 * @param id the hold's id
 * @param recordId the record held
 * @param reason why (e.g. a case number), no personal data
 * @param placedBy subject id of the records officer who placed it
 * @param placedAt when
 * @param releasedBy who released it, {@code null} while in force
 * @param releasedAt when it was released, {@code null} while in force
 */
public record LegalHold(LegalHoldId id, RecordId recordId, String reason, String placedBy, Instant placedAt,
        @Nullable String releasedBy, @Nullable Instant releasedAt) {

    /** Checks that the required fields are present. */
    public LegalHold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(placedBy, "placedBy");
        Objects.requireNonNull(placedAt, "placedAt");
    }

    /** @return whether the hold is in force */
    public boolean active() {
        return releasedAt == null;
    }

    LegalHold released(String subjectId, Instant at) {
        return new LegalHold(id, recordId, reason, placedBy, placedAt, subjectId, at);
    }
}
