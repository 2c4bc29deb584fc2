package io.gcam.records.spi;

import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.records.Classification;
import io.gcam.records.ContentVersion;
import io.gcam.records.DisposalCertificate;
import io.gcam.records.DisposalRun;
import io.gcam.records.DisposalRunId;
import io.gcam.records.LegalHold;
import io.gcam.records.LegalHoldId;
import io.gcam.records.ManagedRecord;
import io.gcam.records.RecordId;
import io.gcam.records.RecordQuery;
import io.gcam.records.SecurityLevel;
import io.gcam.records.Transfer;
import io.gcam.records.TransferId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stores the registry: records, their versions, their chains of custody, the file plan, transfers,
 * legal holds, disposal runs and disposal certificates. Implementations:
 * {@link io.gcam.records.jdbc.JdbcRecordStore} and {@code io.gcam.testkit.records.InMemoryRecordStore};
 * an agency's own store must pass {@code io.gcam.testkit.records.RecordStoreCompatibilityKit}.
 *
 * <p>Guarantees an implementation must give:
 * <ul>
 *   <li>Conditional changes ({@link #update}, {@link #delete}, {@link #acknowledgeTransfer},
 *       {@link #releaseHold}, {@link #completeRun}) are atomic compare-and-set steps, also across
 *       application instances sharing the storage: of two concurrent changes based on the same stored
 *       state, exactly one succeeds.</li>
 *   <li>{@link #appendCustody} is serialized per record like {@link io.gcam.core.spi.AuditStore#append}
 *       is for the whole trail: each record has one chain, numbered from 1 without gaps.</li>
 *   <li>A store on a database joins the caller's transaction when there is one.</li>
 *   <li>Failures are {@link io.gcam.core.GcamException}s: {@code CONFLICT} for a duplicate key,
 *       {@code STORAGE_FAILURE} when the storage fails.</li>
 * </ul>
 */
public interface RecordStore {

    /**
     * Adds a record with an empty chain of custody.
     *
     * @param record the record, with revision 0
     * @throws io.gcam.core.GcamException {@code CONFLICT} when the id or reference exists, or
     *     {@code BARCODE_IN_USE} when the owner agency has a record with the same barcode
     */
    void insert(ManagedRecord record);

    /**
     * @param id a record id
     * @return the record, if stored
     */
    Optional<ManagedRecord> find(RecordId id);

    /**
     * @param agency the owner agency
     * @param barcode a barcode
     * @return the agency's record with that barcode, if any
     */
    Optional<ManagedRecord> findByBarcode(String agency, String barcode);

    /**
     * Replaces a record when the stored revision is {@code record.revision() - 1}. Only the mutable
     * parts change: status, closing date, location, check-out, pending transfer, custodian, holds and
     * latest version.
     *
     * @param record the new state, with a revision one higher than the stored one
     * @return whether it was stored; {@code false} when the record is gone or changed meanwhile
     */
    boolean update(ManagedRecord record);

    /**
     * Deletes a record with its versions, keywords, released holds and chain of custody, when its
     * stored revision is {@code revision} and no legal hold is in force.
     *
     * @param id the record
     * @param revision the revision the caller decided on
     * @return whether it was deleted
     */
    boolean delete(RecordId id, long revision);

    /**
     * Finds records an agency may see, newest first.
     *
     * @param query the criteria
     * @param agency the reader's agency: records it owns or holds
     * @param clearance the reader's clearance: records above it are never returned or counted
     * @param page the page
     * @return the page, with the total number of matches
     */
    Page<ManagedRecord> search(RecordQuery query, String agency, SecurityLevel clearance, PageRequest page);

    /**
     * Lists closed records of one class that closed at or before a time and have no legal hold in
     * force, oldest closing first.
     *
     * @param agency the owner agency
     * @param classificationCode the class
     * @param closedUpTo the latest closing time that makes a record due
     * @param limit the most records to return
     * @return the records
     */
    List<ManagedRecord> dueForDisposal(String agency, String classificationCode, Instant closedUpTo, int limit);

    /**
     * @param version a new version of a stored record
     * @throws io.gcam.core.GcamException {@code CONFLICT} when the record has a version with that number
     */
    void addVersion(ContentVersion version);

    /**
     * @param id a record
     * @return its versions, oldest first
     */
    List<ContentVersion> versions(RecordId id);

    /**
     * Appends one event to a record's chain of custody, as one atomic step serialized against every
     * other append to the same record's chain; see {@link io.gcam.core.spi.AuditStore#append}.
     *
     * @param id the record
     * @param nextEntry builds the entry that follows the given head; quick, must not call the store
     * @return the stored entry
     * @throws io.gcam.core.NotFoundException when the record is not stored
     * @throws IllegalStateException when the entry does not follow the head
     */
    AuditEntry appendCustody(RecordId id, Function<AuditHead, AuditEntry> nextEntry);

    /**
     * @param id a record
     * @return the head of its chain; {@link AuditHead#genesis()} when it has no events or is unknown
     */
    AuditHead custodyHead(RecordId id);

    /**
     * @param id a record
     * @param fromIndex the smallest index to return
     * @param limit the most entries to return, at least 1
     * @return the record's entries with {@code index >= fromIndex}, ascending, exactly as stored
     */
    List<AuditEntry> custody(RecordId id, long fromIndex, int limit);

    /**
     * @param classification a new class of an agency's file plan
     * @throws io.gcam.core.GcamException {@code CLASSIFICATION_EXISTS} when the agency has the code
     */
    void insertClassification(Classification classification);

    /**
     * @param agency the agency
     * @param code a class code
     * @return the class, if the agency's file plan has it
     */
    Optional<Classification> classification(String agency, String code);

    /**
     * @param agency the agency
     * @return its file plan, ordered by code
     */
    List<Classification> filePlan(String agency);

    /**
     * @param transfer a new pending transfer
     */
    void insertTransfer(Transfer transfer);

    /**
     * @param id a transfer id
     * @return the transfer, if stored
     */
    Optional<Transfer> findTransfer(TransferId id);

    /**
     * Stores the acknowledgement when the stored transfer is still pending.
     *
     * @param acknowledged the acknowledged transfer
     * @return whether it was stored
     */
    boolean acknowledgeTransfer(Transfer acknowledged);

    /**
     * @param agency the receiving agency
     * @param limit the most transfers to return
     * @return transfers to that agency that wait for acknowledgement, oldest first
     */
    List<Transfer> pendingTransfersTo(String agency, int limit);

    /**
     * @param id a record
     * @return its transfers, oldest first
     */
    List<Transfer> transfersOf(RecordId id);

    /**
     * @param hold a new legal hold in force
     */
    void insertHold(LegalHold hold);

    /**
     * @param id a hold id
     * @return the hold, if stored
     */
    Optional<LegalHold> findHold(LegalHoldId id);

    /**
     * Stores the release when the stored hold is still in force.
     *
     * @param released the released hold
     * @return whether it was stored
     */
    boolean releaseHold(LegalHold released);

    /**
     * @param id a record
     * @return its holds, in force and released, oldest first
     */
    List<LegalHold> holds(RecordId id);

    /**
     * @param run a new disposal run pending approval, with its items
     */
    void insertRun(DisposalRun run);

    /**
     * @param id a run id
     * @return the run with its items, if stored
     */
    Optional<DisposalRun> findRun(DisposalRunId id);

    /**
     * Stores the completed run (approver, time, outcomes) when the stored run is still pending.
     *
     * @param completed the completed run
     * @return whether it was stored
     */
    boolean completeRun(DisposalRun completed);

    /**
     * Keeps a certificate. Certificates are never changed or deleted, also when the record is.
     *
     * @param certificate the certificate
     */
    void insertCertificate(DisposalCertificate certificate);

    /**
     * @param agency the owner agency
     * @param page the page
     * @return the agency's certificates, newest first
     */
    Page<DisposalCertificate> certificates(String agency, PageRequest page);
}
