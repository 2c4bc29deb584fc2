package io.gcam.records;

import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A record or dossier in the registry, as stored. Immutable; every change goes through
 * {@link RecordsService}, which stores a new value with a higher {@code revision}.
 *
 * @param id the record's id
 * @param reference the human-readable reference number, unique
 * @param kind a single record or a dossier
 * @param dossierId the dossier this record is filed in, {@code null} when none
 * @param title the title in up to three languages
 * @param classificationCode the file plan class it is filed under
 * @param securityLevel the clearance a reader needs to see it at all
 * @param owner the agency and department that registered it; they keep access after transfers
 * @param custodian the agency and department that hold it now (changes when a transfer is acknowledged)
 * @param caseReference the application or case it belongs to, by reference; {@code null} when none
 * @param keywords search keywords, lower case, sorted, without duplicates
 * @param status open, closed or archived
 * @param createdAt when it was registered
 * @param closedAt when it was closed; {@code null} while open
 * @param location where the physical file is (shelf, room, box); {@code null} for a born-digital record
 * @param barcode the physical file's barcode, unique in the owner agency; {@code null} when none
 * @param checkOut the current check-out lock, {@code null} when not checked out
 * @param pendingTransfer the transfer waiting for acknowledgement, {@code null} when none
 * @param activeHolds how many legal holds are in force; disposal needs zero
 * @param latestVersion number of the newest content version, 0 when there is none
 * @param revision increases with every stored change; stores use it for optimistic concurrency
 */
public record ManagedRecord(
        RecordId id,
        String reference,
        RecordKind kind,
        @Nullable RecordId dossierId,
        LocalizedText title,
        String classificationCode,
        SecurityLevel securityLevel,
        Custodian owner,
        Custodian custodian,
        @Nullable String caseReference,
        List<String> keywords,
        RecordStatus status,
        Instant createdAt,
        @Nullable Instant closedAt,
        @Nullable String location,
        @Nullable String barcode,
        @Nullable CheckOut checkOut,
        @Nullable TransferId pendingTransfer,
        int activeHolds,
        int latestVersion,
        long revision) {

    /** Checks that the required fields are present and copies the keywords. */
    public ManagedRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(classificationCode, "classificationCode");
        Objects.requireNonNull(securityLevel, "securityLevel");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(custodian, "custodian");
        keywords = List.copyOf(new TreeSet<>(keywords));
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (activeHolds < 0 || latestVersion < 0) {
            throw new IllegalArgumentException("activeHolds and latestVersion must not be negative");
        }
    }

    /** @return whether a legal hold is in force */
    public boolean onLegalHold() {
        return activeHolds > 0;
    }

    ManagedRecord next(RecordStatus newStatus, @Nullable Instant newClosedAt, @Nullable String newLocation,
            @Nullable CheckOut newCheckOut, @Nullable TransferId newPendingTransfer, Custodian newCustodian,
            int newActiveHolds, int newLatestVersion) {
        return new ManagedRecord(id, reference, kind, dossierId, title, classificationCode, securityLevel, owner,
                newCustodian, caseReference, keywords, newStatus, createdAt, newClosedAt, newLocation, barcode,
                newCheckOut, newPendingTransfer, newActiveHolds, newLatestVersion, revision + 1);
    }

    ManagedRecord withStatus(RecordStatus newStatus, @Nullable Instant newClosedAt) {
        return next(newStatus, newClosedAt, location, checkOut, pendingTransfer, custodian, activeHolds, latestVersion);
    }

    ManagedRecord withLocation(String newLocation) {
        return next(status, closedAt, newLocation, checkOut, pendingTransfer, custodian, activeHolds, latestVersion);
    }

    ManagedRecord withCheckOut(@Nullable CheckOut newCheckOut, int newLatestVersion) {
        return next(status, closedAt, location, newCheckOut, pendingTransfer, custodian, activeHolds, newLatestVersion);
    }

    ManagedRecord withTransfer(@Nullable TransferId newPendingTransfer, Custodian newCustodian) {
        return next(status, closedAt, location, checkOut, newPendingTransfer, newCustodian, activeHolds, latestVersion);
    }

    ManagedRecord withHolds(int newActiveHolds) {
        return next(status, closedAt, location, checkOut, pendingTransfer, custodian, newActiveHolds, latestVersion);
    }
}
