package io.gcam.records;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A record sent from one custodian to another. Custody changes only when the receiver acknowledges.
 *
 * @param id the transfer's id
 * @param recordId the record sent
 * @param from the custodian that sent it
 * @param to the custodian that must acknowledge it
 * @param note a note for the receiver (no personal data)
 * @param sentBy subject id of the sender
 * @param sentAt when it was sent
 * @param status pending or acknowledged
 * @param acknowledgedBy subject id of who acknowledged it, {@code null} while pending
 * @param acknowledgedAt when it was acknowledged, {@code null} while pending
 */
public record Transfer(TransferId id, RecordId recordId, Custodian from, Custodian to, String note, String sentBy,
        Instant sentAt, TransferStatus status, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt) {

    /** Checks that the required fields are present. */
    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(sentBy, "sentBy");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(status, "status");
    }

    Transfer acknowledged(String subjectId, Instant at) {
        return new Transfer(id, recordId, from, to, note, sentBy, sentAt, TransferStatus.ACKNOWLEDGED, subjectId, at);
    }
}
