package io.gcam.rest.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the records resources. */
public final class RecordDtos {

    private RecordDtos() {
    }

    /**
     * A record as a cleared reader sees it.
     *
     * @param id the id
     * @param reference the reference number
     * @param kind {@code RECORD} or {@code DOSSIER}
     * @param dossierId the dossier it is filed in
     * @param title the title in up to three languages
     * @param classification the file plan class
     * @param securityLevel the security level
     * @param ownerAgency the owner agency
     * @param ownerDepartment the owner department
     * @param custodianAgency the agency holding it now
     * @param custodianDepartment the department holding it now
     * @param caseReference the application or case reference
     * @param keywords the keywords
     * @param status {@code OPEN}, {@code CLOSED} or {@code ARCHIVED}
     * @param createdAt when it was registered
     * @param closedAt when it was closed
     * @param location where the physical file is
     * @param barcode the physical file's barcode
     * @param checkedOutBy who holds the check-out lock
     * @param checkedOutAt since when
     * @param pendingTransferId the transfer waiting for acknowledgement
     * @param onLegalHold whether a legal hold is in force
     * @param latestVersion the newest content version number, 0 when none
     */
    public record RecordView(String id, String reference, String kind, @Nullable String dossierId, LocalizedText title,
            String classification, String securityLevel, String ownerAgency, String ownerDepartment,
            String custodianAgency, String custodianDepartment, @Nullable String caseReference, List<String> keywords,
            String status, Instant createdAt, @Nullable Instant closedAt, @Nullable String location,
            @Nullable String barcode, @Nullable String checkedOutBy, @Nullable Instant checkedOutAt,
            @Nullable String pendingTransferId, boolean onLegalHold, int latestVersion) {
    }

    /**
     * One page of search results.
     *
     * @param items the records on this page
     * @param page the page number, from 0
     * @param size the page size
     * @param total the number of matches the reader may see
     */
    public record RecordPage(List<RecordView> items, int page, int size, long total) {
    }

    /**
     * One event of the chain of custody.
     *
     * @param index position in the record's chain, from 1
     * @param action e.g. {@code record.viewed}
     * @param actorId who
     * @param actorKind {@code STAFF}, {@code APPLICANT} or {@code SYSTEM}
     * @param actorAgency the actor's agency
     * @param at when
     * @param details the particulars, a JSON object
     * @param previousHash the previous event's hash
     * @param hash this event's hash
     */
    public record CustodyEventView(long index, String action, String actorId, String actorKind,
            @Nullable String actorAgency, Instant at, JsonNode details, String previousHash, String hash) {
    }

    /**
     * The chain of custody, a page at a time.
     *
     * @param events the events, oldest first
     * @param nextAfter pass as {@code after} for the next page; {@code null} when this page is the last
     */
    public record CustodyPage(List<CustodyEventView> events, @Nullable Long nextAfter) {
    }

    /**
     * The outcome of verifying a chain of custody.
     *
     * @param ok whether the chain is intact
     * @param entriesChecked how many events were found intact
     * @param headIndex the newest event's index
     * @param headHash the newest event's hash; anchor it elsewhere to detect a rewritten chain later
     * @param brokenAt the first broken event's index, when not intact
     * @param reason why it is broken, e.g. {@code ENTRY_ALTERED}
     */
    public record VerificationView(boolean ok, long entriesChecked, long headIndex, String headHash,
            @Nullable Long brokenAt, @Nullable String reason) {
    }

    /**
     * {@code POST /api/v1/records/{id}/transfers}.
     *
     * @param toAgency the receiving agency
     * @param toDepartment the receiving department
     * @param note a note for the receiver, no personal data
     */
    public record TransferRequest(@Nullable String toAgency, @Nullable String toDepartment, @Nullable String note) {
    }

    /**
     * A transfer of custody.
     *
     * @param id the id
     * @param recordId the record
     * @param fromAgency the sending agency
     * @param fromDepartment the sending department
     * @param toAgency the receiving agency
     * @param toDepartment the receiving department
     * @param note the note
     * @param sentBy who sent it
     * @param sentAt when
     * @param status {@code PENDING} or {@code ACKNOWLEDGED}
     * @param acknowledgedBy who acknowledged it
     * @param acknowledgedAt when
     */
    public record TransferView(String id, String recordId, String fromAgency, String fromDepartment, String toAgency,
            String toDepartment, String note, String sentBy, Instant sentAt, String status,
            @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt) {
    }
}
