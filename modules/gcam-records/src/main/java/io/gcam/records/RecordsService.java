package io.gcam.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.AuditTrail;
import io.gcam.core.AuditVerification;
import io.gcam.core.ConflictException;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.IdGenerator;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.ValidationException;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import io.gcam.records.internal.Checks;
import io.gcam.records.internal.RecordCustodyStore;
import io.gcam.records.spi.ClearancePolicy;
import io.gcam.records.spi.DepartmentPolicy;
import io.gcam.records.spi.ContentInfo;
import io.gcam.records.spi.ContentStore;
import io.gcam.records.spi.RecordStore;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records registry: registers records and dossiers under an agency's file plan, keeps their
 * content versions, tracks who viewed, downloaded, changed, moved and transferred them in a
 * hash-chained chain of custody per record, and disposes of them by retention rule once a records
 * officer approves.
 *
 * <pre>{@code
 * RecordsService records = RecordsService.builder()
 *         .store(JdbcRecordStore.create(tx.dataSource()))
 *         .contents(contentStore)
 *         .references(referenceNumbers)
 *         .audit(audit).events(events).transactions(tx).clock(clock)
 *         .build();
 * ManagedRecord record = records.register(clerk, NewRecord.builder(title, "HR.RECRUITMENT").build());
 * records.verifyCustody(clerk, record.id()).ok();   // true while nobody tampered with the chain
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Security levels are enforced on every read: a record above the reader's clearance (see
 *       {@link ClearancePolicy}), or of an agency that neither owns, holds nor is being sent it,
 *       gets the same {@code NOT_FOUND} as a record that does not exist, and is never returned or
 *       counted by {@link #search}.</li>
 *   <li>Every view by id, download, check-out, check-in, transfer, acknowledgement, location change,
 *       closing, legal hold and archiving is appended to the record's chain of custody, in the same
 *       transaction as the change; {@link #verifyCustody} finds the first edited, deleted or reordered
 *       event. The chain uses {@link AuditTrail}'s hash format.</li>
 *   <li>Every state change is also written to the audit trail and announced as a domain event
 *       ({@code records.*}), in one transaction with the change.</li>
 *   <li>Only the receiving department's staff (as {@link DepartmentPolicy} tells; by default role
 *       {@code DEPT_<department>}), a {@value RecordsRoles#RECORDS_OFFICER} of the receiving agency or
 *       the system acknowledges a transfer; other staff of the receiving agency get
 *       {@code ACCESS_DENIED} and the record stays with its custodian.</li>
 *   <li>At most one staff member holds a record's check-out lock, and at most one transfer per record
 *       waits for acknowledgement, also across application instances (conditional updates in the
 *       store).</li>
 *   <li>A record with a legal hold in force is never disposed of: the hold and the disposal are
 *       conditional changes of the same record, so whichever comes second sees the first.</li>
 *   <li>A destroyed record leaves a {@link DisposalCertificate} that is never deleted.</li>
 *   <li>Each transaction locks the record rows it changes before it appends to the audit trail
 *       (whose single head every audited change locks), so concurrent changes never wait for each
 *       other in a cycle.</li>
 * </ul>
 * Search results and listings are not written to the chain of custody (they show metadata of many
 * records at once); opening a record by id or barcode is.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RecordsService {

    /** The most events {@link #custody} returns at once. */
    public static final int MAX_CUSTODY_PAGE = AuditTrail.MAX_PAGE_SIZE;

    private static final Logger LOG = LoggerFactory.getLogger(RecordsService.class);
    private static final LocalizedText RECORD = LocalizedText.of("record", "檔案", "registo");
    private static final LocalizedText TRANSFER = LocalizedText.of("transfer", "移交", "transferência");
    private static final LocalizedText HOLD = LocalizedText.of("legal hold", "法律保全", "retenção legal");
    private static final LocalizedText RUN = LocalizedText.of("disposal run", "銷毀批次", "lote de eliminação");
    private static final LocalizedText VERSION = LocalizedText.of("version", "版本", "versão");
    private static final String AGGREGATE = "record";
    private static final int MAX_CODE = 100;
    private static final int MAX_TEXT = 255;
    private static final int MAX_NOTE = 1000;
    private static final int DUE_LIMIT = 1000;

    private final RecordStore store;
    private final ContentStore contents;
    private final ClearancePolicy clearance;
    private final DepartmentPolicy departments;
    private final ReferenceNumberGenerator references;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final IdGenerator ids;
    // One mapper for every per-record chain, so that its serializers are built once.
    private final ObjectMapper custodyJson = JsonMapper.builder().build();

    private RecordsService(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store");
        this.contents = Objects.requireNonNull(b.contents, "contents");
        this.references = Objects.requireNonNull(b.references, "references");
        this.audit = Objects.requireNonNull(b.audit, "audit");
        this.events = Objects.requireNonNull(b.events, "events");
        this.transactions = Objects.requireNonNull(b.transactions, "transactions");
        this.clearance = b.clearance;
        this.departments = b.departments;
        this.clock = b.clock;
        this.ids = IdGenerator.create(b.clock);
    }

    /** @return a builder; store, contents, references, audit, events and transactions are required */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ file plan

    /**
     * Adds a class to an agency's file plan.
     *
     * @param actor a records officer of the agency, or the system
     * @param classification the class; its parent, when named, must exist
     * @return the stored class
     * @throws AccessDeniedException when the actor is not a records officer of the agency
     * @throws GcamException {@code CLASSIFICATION_EXISTS}, or {@code CLASSIFICATION_UNKNOWN} for a
     *     missing parent
     */
    public Classification defineClassification(Actor actor, Classification classification) {
        Objects.requireNonNull(classification, "classification");
        actor.requireRole(classification.agency(), RecordsRoles.RECORDS_OFFICER, "records.defineClassification");
        Checks.text("code", classification.code(), MAX_CODE);
        String parent = classification.parentCode();
        if (parent != null && store.classification(classification.agency(), parent).isEmpty()) {
            throw new GcamException(RecordsErrorCode.CLASSIFICATION_UNKNOWN, parent);
        }
        return transactions.inTransaction(() -> {
            store.insertClassification(classification);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("agency", classification.agency());
            details.put("code", classification.code());
            RetentionRule rule = classification.retention();
            if (rule != null) {
                details.put("keepFor", rule.keepFor().toString());
                details.put("action", rule.action().name());
            }
            audit.append(actor, "records.classification_defined", "classification",
                    classification.agency() + "/" + classification.code(), details);
            events.publish(event("records.classification_defined", "classification",
                    classification.agency() + "/" + classification.code(), classification.agency())
                    .payload("code", classification.code()).build());
            return classification;
        });
    }

    /**
     * @param actor staff of the agency, or the system
     * @param agency the agency
     * @return its file plan, ordered by code
     */
    public List<Classification> filePlan(Actor actor, String agency) {
        requireStaffOf(actor, agency, "records.filePlan");
        return store.filePlan(agency);
    }

    // ------------------------------------------------------------------ registration

    /**
     * Registers a record or dossier. Its owner and first custodian is the agency and department given.
     *
     * @param actor staff of the owner agency cleared for the record's level, or the system
     * @param request what to register
     * @return the stored record (revision 0), with a custody chain that starts with
     *     {@link CustodyAction#REGISTERED}
     * @throws GcamException {@code CLASSIFICATION_UNKNOWN}, {@code CLEARANCE_INSUFFICIENT},
     *     {@code DOSSIER_INVALID}, {@code BARCODE_IN_USE} or {@code VALIDATION_FAILED}; nothing is stored
     */
    public ManagedRecord register(Actor actor, NewRecord request) {
        Objects.requireNonNull(request, "request");
        return transactions.inTransaction(() -> registerInTransaction(actor, request, null));
    }

    /**
     * Files documents, for example an approved application's, as one dossier with one record per
     * document, each with the document as its first version. All or nothing: one transaction.
     *
     * @param actor staff of the owner agency, or the system
     * @param dossier the dossier to register (its kind is set to {@link RecordKind#DOSSIER}); the
     *     records inherit its class, level, department, case reference and keywords
     * @param documents the documents, by reference into the content store
     * @return the dossier and its records
     * @throws GcamException as {@link #register}, and {@code CONTENT_NOT_FOUND} or
     *     {@code CONTENT_CHECKSUM_MISMATCH} for a document the content store does not confirm
     */
    public Filing fileDocuments(Actor actor, NewRecord dossier, List<FiledDocument> documents) {
        Objects.requireNonNull(dossier, "dossier");
        List<FiledDocument> files = List.copyOf(documents);
        List<ContentInfo> infos = new ArrayList<>(files.size());
        for (FiledDocument document : files) {
            infos.add(confirmContent(document.content()));
        }
        return transactions.inTransaction(() -> {
            NewRecord folder = new NewRecord(RecordKind.DOSSIER, dossier.title(), dossier.classificationCode(),
                    dossier.securityLevel(), dossier.agency(), dossier.department(), dossier.caseReference(),
                    dossier.keywords(), dossier.dossierId(), dossier.location(), dossier.barcode());
            ManagedRecord parent = registerInTransaction(actor, folder, null);
            List<ManagedRecord> records = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                FiledDocument document = files.get(i);
                NewRecord item = new NewRecord(RecordKind.RECORD, document.title(), dossier.classificationCode(),
                        dossier.securityLevel(), parent.owner().agency(), dossier.department(), dossier.caseReference(),
                        dossier.keywords(), parent.id(), null, null);
                records.add(registerInTransaction(actor, item, new Version(document.content(), infos.get(i))));
            }
            return new Filing(parent, records);
        });
    }

    private record Version(ContentRef content, ContentInfo info) {
    }

    private ManagedRecord registerInTransaction(Actor actor, NewRecord request, @Nullable Version first) {
        String agency = ownerAgency(actor, request.agency());
        SecurityLevel cleared = clearance.clearanceOf(actor);
        if (!cleared.permits(request.securityLevel())) {
            throw new GcamException(RecordsErrorCode.CLEARANCE_INSUFFICIENT, request.securityLevel().name());
        }
        if (store.classification(agency, request.classificationCode()).isEmpty()) {
            throw new GcamException(RecordsErrorCode.CLASSIFICATION_UNKNOWN, request.classificationCode());
        }
        String department = Checks.text("department", request.department(), MAX_CODE);
        String caseReference = Checks.optionalText("caseReference", request.caseReference(), MAX_CODE);
        String location = Checks.optionalText("location", request.location(), MAX_TEXT);
        String barcode = Checks.optionalText("barcode", request.barcode(), MAX_CODE);
        for (String keyword : request.keywords()) {
            Checks.text("keywords", keyword, MAX_CODE);
        }
        RecordId dossierId = request.dossierId();
        if (dossierId != null) {
            ManagedRecord dossier = store.find(dossierId).orElse(null);
            if (dossier == null || dossier.kind() != RecordKind.DOSSIER || dossier.status() != RecordStatus.OPEN
                    || !dossier.owner().agency().equals(agency) || !visible(actor, dossier)) {
                throw new GcamException(RecordsErrorCode.DOSSIER_INVALID, dossierId.value());
            }
        }
        Instant now = now();
        Custodian owner = new Custodian(agency, department);
        RecordId id = new RecordId(ids.next());
        ManagedRecord record = new ManagedRecord(id, references.next().value(), request.kind(), dossierId,
                request.title(), request.classificationCode(), request.securityLevel(), owner, owner, caseReference,
                request.keywords(), RecordStatus.OPEN, now, null, location, barcode, null, null, 0,
                first == null ? 0 : 1, 0);
        store.insert(record);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("classification", record.classificationCode());
        details.put("securityLevel", record.securityLevel().name());
        details.put("custodian", agency + "/" + department);
        if (location != null) {
            details.put("location", location);
        }
        custody(actor, id, CustodyAction.REGISTERED, details);
        if (first != null) {
            ContentVersion version = new ContentVersion(id, 1, first.content(), first.info().size(),
                    first.info().mediaType(), actor.subjectId(), now, "filed");
            store.addVersion(version);
            custody(actor, id, CustodyAction.CHECKED_IN, versionDetails(version));
        }
        audit.append(actor, "records.registered", AGGREGATE, id.value(), details);
        events.publish(event("records.registered", record)
                .payload("reference", record.reference())
                .payload("kind", record.kind())
                .payload("classification", record.classificationCode())
                .build());
        LOG.debug("record {} registered", id);
        return record;
    }

    // ------------------------------------------------------------------ reads

    /**
     * Opens a record's metadata, and writes {@link CustodyAction#VIEWED} to its chain.
     *
     * @param actor the reader
     * @param id the record
     * @return the record
     * @throws NotFoundException when it does not exist or the reader may not see it (the same answer)
     */
    public ManagedRecord find(Actor actor, RecordId id) {
        return transactions.inTransaction(() -> {
            ManagedRecord record = visibleRecord(actor, id);
            custody(actor, id, CustodyAction.VIEWED, Map.of());
            return record;
        });
    }

    /**
     * Finds a physical file by the barcode on its label, and writes {@link CustodyAction#VIEWED}.
     *
     * @param actor staff of the owner agency
     * @param agency the owner agency
     * @param barcode the scanned barcode
     * @return the record, empty when there is none the actor may see
     */
    public Optional<ManagedRecord> findByBarcode(Actor actor, String agency, String barcode) {
        requireStaffOf(actor, agency, "records.findByBarcode");
        return transactions.inTransaction(() -> {
            Optional<ManagedRecord> found = store.findByBarcode(agency, barcode).filter(r -> visible(actor, r));
            found.ifPresent(r -> custody(actor, r.id(), CustodyAction.VIEWED, Map.of("barcode", barcode)));
            return found;
        });
    }

    /**
     * Searches the records the reader's agency owns or holds, newest first. Records above the
     * reader's clearance are neither returned nor counted.
     *
     * @param actor a staff member (the search covers their agency)
     * @param query the criteria
     * @param page the page
     * @return the page of matches
     */
    public Page<ManagedRecord> search(Actor actor, RecordQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        String agency = actor.agency();
        if (!actor.isStaff() || agency == null) {
            throw new AccessDeniedException("records.search");
        }
        return store.search(query, agency, clearance.clearanceOf(actor), page);
    }

    /**
     * @param actor the reader
     * @param id the record
     * @return its content versions, oldest first
     * @throws NotFoundException when the reader may not see it
     */
    public List<ContentVersion> versions(Actor actor, RecordId id) {
        visibleRecord(actor, id);
        return store.versions(id);
    }

    /**
     * Opens one content version for reading and writes {@link CustodyAction#DOWNLOADED}.
     *
     * @param actor the reader
     * @param id the record
     * @param version the version number
     * @return the content; the caller closes it
     * @throws NotFoundException when the reader may not see the record or the version does not exist
     */
    public InputStream download(Actor actor, RecordId id, int version) {
        ContentVersion found = transactions.inTransaction(() -> {
            visibleRecord(actor, id);
            ContentVersion v = store.versions(id).stream().filter(x -> x.number() == version).findFirst()
                    .orElseThrow(() -> new NotFoundException(VERSION, id.value() + "/" + version));
            custody(actor, id, CustodyAction.DOWNLOADED, versionDetails(v));
            return v;
        });
        return contents.open(found.content().contentId());
    }

    /**
     * Reads a record's chain of custody, oldest first, a page at a time.
     *
     * @param actor the reader
     * @param id the record
     * @param afterIndex {@code 0} for the first page, then the index of the last event read
     * @param limit page size, 1 to {@value #MAX_CUSTODY_PAGE}
     * @return the events
     * @throws NotFoundException when the reader may not see the record
     */
    public List<CustodyEvent> custody(Actor actor, RecordId id, long afterIndex, int limit) {
        visibleRecord(actor, id);
        return custodyTrail(id).entriesFor(RecordCustodyStore.OBJECT_TYPE, id.value(), afterIndex, limit).stream()
                .map(e -> CustodyEvent.of(id, e))
                .toList();
    }

    /**
     * Proves a record's chain of custody intact, or names the first event that was edited, deleted,
     * moved or inserted.
     *
     * @param actor the reader
     * @param id the record
     * @return the verification; {@code failure().index()} is the first broken event
     * @throws NotFoundException when the reader may not see the record
     */
    public AuditVerification verifyCustody(Actor actor, RecordId id) {
        visibleRecord(actor, id);
        AuditVerification result = custodyTrail(id).verify();
        if (!result.ok()) {
            LOG.warn("chain of custody of record {} is broken", id);
        }
        return result;
    }

    /**
     * @param actor the reader
     * @param id the record
     * @return its transfers, oldest first
     * @throws NotFoundException when the reader may not see the record
     */
    public List<Transfer> transfers(Actor actor, RecordId id) {
        visibleRecord(actor, id);
        return store.transfersOf(id);
    }

    /**
     * @param actor the reader
     * @param id the record
     * @return its legal holds, in force and released, oldest first
     * @throws NotFoundException when the reader may not see the record
     */
    public List<LegalHold> holds(Actor actor, RecordId id) {
        visibleRecord(actor, id);
        return store.holds(id);
    }

    // ------------------------------------------------------------------ check-out / check-in

    /**
     * Takes the record's edit lock.
     *
     * @param actor staff of the custodian agency
     * @param id the record
     * @param reason why
     * @return the record, checked out to the actor
     * @throws GcamException {@code RECORD_CHECKED_OUT} when someone holds the lock (also when they won
     *     a race for it), {@code RECORD_NOT_OPEN}
     */
    public ManagedRecord checkOut(Actor actor, RecordId id, String reason) {
        String why = Checks.text("reason", reason, MAX_NOTE);
        return transactions.inTransaction(() -> {
            ManagedRecord record = custodianRecord(actor, id);
            requireOpen(record);
            if (record.checkOut() != null) {
                throw new GcamException(RecordsErrorCode.RECORD_CHECKED_OUT, record.reference());
            }
            ManagedRecord next = record.withCheckOut(new CheckOut(actor.subjectId(), now(), why), record.latestVersion());
            if (!store.update(next)) {
                ManagedRecord current = store.find(id).orElseThrow(() -> new NotFoundException(RECORD, id));
                if (current.checkOut() != null) {
                    throw new GcamException(RecordsErrorCode.RECORD_CHECKED_OUT, record.reference());
                }
                throw new ConflictException("record " + record.reference());
            }
            changed(actor, next, CustodyAction.CHECKED_OUT, Map.of("reason", why));
            return next;
        });
    }

    /**
     * Adds a new content version and releases the lock.
     *
     * @param actor the staff member holding the lock
     * @param id the record
     * @param content the new content, already in the content store
     * @param reason what changed
     * @return the new version
     * @throws GcamException {@code RECORD_NOT_CHECKED_OUT_BY_YOU}, {@code CONTENT_NOT_FOUND},
     *     {@code CONTENT_CHECKSUM_MISMATCH}
     */
    public ContentVersion checkIn(Actor actor, RecordId id, ContentRef content, String reason) {
        Objects.requireNonNull(content, "content");
        String why = Checks.text("reason", reason, MAX_NOTE);
        ContentInfo info = confirmContent(content);
        return transactions.inTransaction(() -> {
            ManagedRecord record = custodianRecord(actor, id);
            requireHolder(actor, record);
            requireOpen(record);
            int number = record.latestVersion() + 1;
            ContentVersion version = new ContentVersion(id, number, content, info.size(), info.mediaType(),
                    actor.subjectId(), now(), why);
            ManagedRecord next = record.withCheckOut(null, number);
            save(next);
            store.addVersion(version);
            changed(actor, next, CustodyAction.CHECKED_IN, versionDetails(version));
            return version;
        });
    }

    /**
     * Releases the lock without a new version.
     *
     * @param actor the staff member holding the lock, or a records officer of the custodian agency
     * @param id the record
     * @return the record, no longer checked out
     * @throws GcamException {@code RECORD_NOT_CHECKED_OUT_BY_YOU}
     */
    public ManagedRecord cancelCheckOut(Actor actor, RecordId id) {
        return transactions.inTransaction(() -> {
            ManagedRecord record = custodianRecord(actor, id);
            CheckOut lock = record.checkOut();
            boolean officer = actor.hasRole(RecordsRoles.RECORDS_OFFICER);
            if (lock == null || !(officer || lock.subjectId().equals(actor.subjectId()))) {
                throw new GcamException(RecordsErrorCode.RECORD_NOT_CHECKED_OUT_BY_YOU, record.reference());
            }
            ManagedRecord next = save(record.withCheckOut(null, record.latestVersion()));
            changed(actor, next, CustodyAction.CHECK_OUT_CANCELLED, Map.of("holder", lock.subjectId()));
            return next;
        });
    }

    // ------------------------------------------------------------------ physical tracking, closing

    /**
     * Records that the physical file moved.
     *
     * @param actor staff of the custodian agency
     * @param id the record
     * @param location the new location (shelf, room, box)
     * @return the record at its new location
     */
    public ManagedRecord moveTo(Actor actor, RecordId id, String location) {
        String where = Checks.text("location", location, MAX_TEXT);
        return transactions.inTransaction(() -> {
            ManagedRecord record = custodianRecord(actor, id);
            ManagedRecord next = save(record.withLocation(where));
            Map<String, Object> details = new LinkedHashMap<>();
            String from = record.location();
            if (from != null) {
                details.put("from", from);
            }
            details.put("to", where);
            changed(actor, next, CustodyAction.LOCATION_CHANGED, details);
            return next;
        });
    }

    /**
     * Closes a record: no more versions; its retention period starts now.
     *
     * @param actor staff of the custodian agency
     * @param id the record
     * @return the closed record
     * @throws GcamException {@code RECORD_NOT_OPEN}, {@code RECORD_CHECKED_OUT}
     */
    public ManagedRecord close(Actor actor, RecordId id) {
        return transactions.inTransaction(() -> {
            ManagedRecord record = custodianRecord(actor, id);
            requireOpen(record);
            if (record.checkOut() != null) {
                throw new GcamException(RecordsErrorCode.RECORD_CHECKED_OUT, record.reference());
            }
            ManagedRecord next = save(record.withStatus(RecordStatus.CLOSED, now()));
            changed(actor, next, CustodyAction.CLOSED, Map.of());
            return next;
        });
    }

    // ------------------------------------------------------------------ transfers

    /**
     * Sends a record to another department or agency. Custody changes when the receiver acknowledges.
     *
     * @param actor staff of the custodian agency
     * @param id the record
     * @param to the receiver
     * @param note a note for the receiver (no personal data)
     * @return the pending transfer
     * @throws GcamException {@code TRANSFER_ALREADY_PENDING}, {@code TRANSFER_TO_CURRENT_CUSTODIAN}
     */
    public Transfer sendTransfer(Actor actor, RecordId id, Custodian to, String note) {
        Objects.requireNonNull(to, "to");
        Checks.text("to.agency", to.agency(), MAX_CODE);
        Checks.text("to.department", to.department(), MAX_CODE);
        String text = note == null || note.isBlank() ? "" : Checks.text("note", note, MAX_NOTE);
        return transactions.inTransaction(() -> {
            ManagedRecord record = custodianRecord(actor, id);
            if (record.pendingTransfer() != null) {
                throw new GcamException(RecordsErrorCode.TRANSFER_ALREADY_PENDING, record.reference());
            }
            if (record.custodian().equals(to)) {
                throw new GcamException(RecordsErrorCode.TRANSFER_TO_CURRENT_CUSTODIAN, record.reference());
            }
            Transfer transfer = new Transfer(new TransferId(ids.next()), id, record.custodian(), to, text,
                    actor.subjectId(), now(), TransferStatus.PENDING, null, null);
            ManagedRecord next = record.withTransfer(transfer.id(), record.custodian());
            if (!store.update(next)) {
                throw new GcamException(RecordsErrorCode.TRANSFER_ALREADY_PENDING, record.reference());
            }
            store.insertTransfer(transfer);
            Map<String, Object> details = transferDetails(transfer);
            custody(actor, id, CustodyAction.TRANSFER_SENT, details);
            audit.append(actor, "records.transfer_sent", AGGREGATE, id.value(), details);
            events.publish(event("records.transfer_sent", next)
                    .payload("transferId", transfer.id())
                    .payload("toAgency", to.agency())
                    .payload("toDepartment", to.department())
                    .build());
            return transfer;
        });
    }

    /**
     * Acknowledges receipt: the receiver becomes the record's custodian.
     *
     * @param actor staff of the receiving department (see {@link Builder#departments}) or a
     *     {@value RecordsRoles#RECORDS_OFFICER} of the receiving agency, cleared for the record's level;
     *     or the system
     * @param id the transfer
     * @return the acknowledged transfer
     * @throws NotFoundException when the transfer does not exist or the actor may not see it
     * @throws AccessDeniedException when the actor is staff of the receiving agency but neither of the
     *     receiving department nor a records officer
     * @throws GcamException {@code TRANSFER_NOT_PENDING} when it was already acknowledged
     */
    public Transfer acknowledge(Actor actor, TransferId id) {
        return transactions.inTransaction(() -> {
            Transfer transfer = store.findTransfer(id).orElseThrow(() -> new NotFoundException(TRANSFER, id));
            ManagedRecord record = store.find(transfer.recordId()).orElse(null);
            boolean receiver = actor.isSystem() || actor.isStaffOf(transfer.to().agency());
            if (record == null || !receiver || !clearance.clearanceOf(actor).permits(record.securityLevel())) {
                throw new NotFoundException(TRANSFER, id);
            }
            if (!actor.isSystem() && !actor.hasRole(RecordsRoles.RECORDS_OFFICER)
                    && !departments.isMember(actor, transfer.to())) {
                throw new AccessDeniedException("records.acknowledge");
            }
            if (transfer.status() != TransferStatus.PENDING) {
                throw new GcamException(RecordsErrorCode.TRANSFER_NOT_PENDING, id.value());
            }
            Transfer done = transfer.acknowledged(actor.subjectId(), now());
            if (!store.acknowledgeTransfer(done)) {
                throw new GcamException(RecordsErrorCode.TRANSFER_NOT_PENDING, id.value());
            }
            ManagedRecord next = save(record.withTransfer(null, transfer.to()));
            Map<String, Object> details = transferDetails(done);
            custody(actor, record.id(), CustodyAction.TRANSFER_ACKNOWLEDGED, details);
            audit.append(actor, "records.transfer_acknowledged", AGGREGATE, record.id().value(), details);
            events.publish(event("records.transfer_acknowledged", next)
                    .payload("transferId", id)
                    .payload("custodianAgency", transfer.to().agency())
                    .payload("custodianDepartment", transfer.to().department())
                    .build());
            return done;
        });
    }

    /**
     * @param actor a staff member
     * @return transfers to the actor's agency that wait for acknowledgement, of records the actor is
     *     cleared to see, oldest first
     */
    public List<Transfer> pendingTransfers(Actor actor) {
        String agency = actor.agency();
        if (!actor.isStaff() || agency == null) {
            throw new AccessDeniedException("records.pendingTransfers");
        }
        SecurityLevel cleared = clearance.clearanceOf(actor);
        return store.pendingTransfersTo(agency, PageRequest.MAX_SIZE).stream()
                .filter(t -> store.find(t.recordId()).map(r -> cleared.permits(r.securityLevel())).orElse(false))
                .toList();
    }

    /**
     * @param actor the reader
     * @param id a transfer
     * @return the transfer
     * @throws NotFoundException when it does not exist or the actor may not see its record
     */
    public Transfer findTransfer(Actor actor, TransferId id) {
        Transfer transfer = store.findTransfer(id).orElseThrow(() -> new NotFoundException(TRANSFER, id));
        ManagedRecord record = store.find(transfer.recordId()).orElse(null);
        if (record == null || !visible(actor, record)) {
            throw new NotFoundException(TRANSFER, id);
        }
        return transfer;
    }

    // ------------------------------------------------------------------ legal holds

    /**
     * Places a legal hold: until it is released the record is never disposed of.
     *
     * @param actor a records officer of the owner agency, or the system
     * @param id the record
     * @param reason why (e.g. the case number)
     * @return the hold
     */
    public LegalHold placeLegalHold(Actor actor, RecordId id, String reason) {
        String why = Checks.text("reason", reason, MAX_NOTE);
        return transactions.inTransaction(() -> {
            ManagedRecord record = visibleRecord(actor, id);
            actor.requireRole(record.owner().agency(), RecordsRoles.RECORDS_OFFICER, "records.placeLegalHold");
            ManagedRecord next = save(record.withHolds(record.activeHolds() + 1));
            LegalHold hold = new LegalHold(new LegalHoldId(ids.next()), id, why, actor.subjectId(), now(), null, null);
            store.insertHold(hold);
            changed(actor, next, CustodyAction.LEGAL_HOLD_PLACED, Map.of("holdId", hold.id().value(), "reason", why));
            return hold;
        });
    }

    /**
     * Releases a legal hold.
     *
     * @param actor a records officer of the owner agency, or the system
     * @param id the hold
     * @return the released hold
     * @throws GcamException {@code LEGAL_HOLD_NOT_ACTIVE} when it was already released
     */
    public LegalHold releaseLegalHold(Actor actor, LegalHoldId id) {
        return transactions.inTransaction(() -> {
            LegalHold hold = store.findHold(id).orElseThrow(() -> new NotFoundException(HOLD, id));
            ManagedRecord record = store.find(hold.recordId()).filter(r -> visible(actor, r))
                    .orElseThrow(() -> new NotFoundException(HOLD, id));
            actor.requireRole(record.owner().agency(), RecordsRoles.RECORDS_OFFICER, "records.releaseLegalHold");
            LegalHold released = hold.released(actor.subjectId(), now());
            if (!hold.active() || !store.releaseHold(released)) {
                throw new GcamException(RecordsErrorCode.LEGAL_HOLD_NOT_ACTIVE, id.value());
            }
            ManagedRecord next = save(record.withHolds(record.activeHolds() - 1));
            changed(actor, next, CustodyAction.LEGAL_HOLD_RELEASED, Map.of("holdId", id.value()));
            return released;
        });
    }

    // ------------------------------------------------------------------ disposal

    /**
     * Lists the agency's records whose retention period has passed (closed, under a class with a
     * retention rule, no legal hold) in a new run that waits for approval. Changes no record.
     *
     * @param actor a records officer of the agency, or the system
     * @param agency the agency
     * @return the run, pending approval
     */
    public DisposalRun prepareDisposal(Actor actor, String agency) {
        actor.requireRole(agency, RecordsRoles.RECORDS_OFFICER, "records.prepareDisposal");
        Instant now = now();
        return transactions.inTransaction(() -> {
            List<DisposalItem> items = new ArrayList<>();
            for (Classification c : store.filePlan(agency)) {
                RetentionRule rule = c.retention();
                if (rule == null) {
                    continue;
                }
                Instant cutoff = now.atZone(ZoneOffset.UTC).minus(rule.keepFor()).toInstant();
                for (ManagedRecord r : store.dueForDisposal(agency, c.code(), cutoff, DUE_LIMIT)) {
                    items.add(new DisposalItem(r.id(), r.reference(), r.classificationCode(), rule,
                            Objects.requireNonNull(r.closedAt()), r.revision(), null));
                }
            }
            DisposalRun run = new DisposalRun(new DisposalRunId(ids.next()), agency,
                    DisposalRunStatus.PENDING_APPROVAL, actor.subjectId(), now, null, null, items);
            store.insertRun(run);
            audit.append(actor, "records.disposal_prepared", "disposal_run", run.id().value(),
                    Map.of("agency", agency, "items", items.size()));
            events.publish(event("records.disposal_prepared", "disposal_run", run.id().value(), agency)
                    .payload("items", items.size()).build());
            return run;
        });
    }

    /**
     * Approves a run and carries it out: each listed record that is still due and has no legal hold
     * is destroyed or handed to the archives (with a certificate each) or kept for review; the
     * others are kept, with the reason as their outcome. Content of destroyed records is removed
     * from the content store after the transaction commits.
     *
     * @param actor a records officer of the run's agency, or the system
     * @param id the run
     * @return the completed run with the outcome of every item
     * @throws GcamException {@code DISPOSAL_RUN_NOT_PENDING} when it was already approved
     */
    public DisposalRun approveDisposal(Actor actor, DisposalRunId id) {
        List<String> contentToDelete = new ArrayList<>();
        DisposalRun completed = transactions.inTransaction(() -> {
            contentToDelete.clear();
            DisposalRun run = store.findRun(id).orElseThrow(() -> new NotFoundException(RUN, id));
            actor.requireRole(run.agency(), RecordsRoles.RECORDS_OFFICER, "records.approveDisposal");
            if (run.status() != DisposalRunStatus.PENDING_APPROVAL) {
                throw new GcamException(RecordsErrorCode.DISPOSAL_RUN_NOT_PENDING, id.value());
            }
            Instant now = now();
            List<DisposalItem> done = new ArrayList<>();
            List<Runnable> announcements = new ArrayList<>();
            for (DisposalItem item : run.items()) {
                done.add(item.withOutcome(dispose(actor, run, item, now, contentToDelete, announcements)));
            }
            // The audit trail's head is locked last, after every record row: a transaction that holds a
            // record and waits for the head can then never wait in a cycle with this one.
            announcements.forEach(Runnable::run);
            DisposalRun result = new DisposalRun(run.id(), run.agency(), DisposalRunStatus.COMPLETED, run.preparedBy(),
                    run.preparedAt(), actor.subjectId(), now, done);
            if (!store.completeRun(result)) {
                throw new GcamException(RecordsErrorCode.DISPOSAL_RUN_NOT_PENDING, id.value());
            }
            audit.append(actor, "records.disposal_approved", "disposal_run", id.value(),
                    Map.of("agency", run.agency(), "items", done.size()));
            events.publish(event("records.disposal_approved", "disposal_run", id.value(), run.agency())
                    .payload("items", done.size()).build());
            return result;
        });
        for (String contentId : contentToDelete) {
            try {
                contents.delete(contentId);
            } catch (RuntimeException e) {
                LOG.warn("content of a destroyed record could not be removed; remove it by hand", e);
            }
        }
        return completed;
    }

    private DisposalOutcome dispose(Actor actor, DisposalRun run, DisposalItem item, Instant now,
            List<String> contentToDelete, List<Runnable> announcements) {
        ManagedRecord record = store.find(item.recordId()).orElse(null);
        if (record == null) {
            return DisposalOutcome.KEPT_CHANGED;
        }
        if (record.onLegalHold()) {
            return DisposalOutcome.KEPT_ON_LEGAL_HOLD;
        }
        Instant closedAt = record.closedAt();
        if (record.status() != RecordStatus.CLOSED || closedAt == null
                || !record.classificationCode().equals(item.classificationCode())
                || closedAt.atZone(ZoneOffset.UTC).plus(item.rule().keepFor()).toInstant().isAfter(now)) {
            return DisposalOutcome.KEPT_CHANGED;
        }
        switch (item.rule().action()) {
            case REVIEW:
                return DisposalOutcome.KEPT_FOR_REVIEW;
            case TRANSFER_TO_ARCHIVES: {
                ManagedRecord next = record.withStatus(RecordStatus.ARCHIVED, closedAt);
                if (!store.update(next)) {
                    return keptBecause(item);
                }
                AuditEntry last = custody(actor, record.id(), CustodyAction.ARCHIVED, Map.of("runId", run.id().value()));
                certify(actor, run, record, item, DisposalOutcome.TRANSFERRED_TO_ARCHIVES, now, last.asHead(), announcements);
                return DisposalOutcome.TRANSFERRED_TO_ARCHIVES;
            }
            case DESTROY:
            default: {
                AuditHead head = store.custodyHead(record.id());
                List<ContentVersion> versions = store.versions(record.id());
                if (!store.delete(record.id(), record.revision())) {
                    return keptBecause(item);
                }
                versions.forEach(v -> contentToDelete.add(v.content().contentId()));
                certify(actor, run, record, item, DisposalOutcome.DESTROYED, now, head, announcements);
                return DisposalOutcome.DESTROYED;
            }
        }
    }

    private DisposalOutcome keptBecause(DisposalItem item) {
        return store.find(item.recordId()).filter(ManagedRecord::onLegalHold).isPresent()
                ? DisposalOutcome.KEPT_ON_LEGAL_HOLD : DisposalOutcome.KEPT_CHANGED;
    }

    private void certify(Actor actor, DisposalRun run, ManagedRecord record, DisposalItem item, DisposalOutcome outcome,
            Instant now, AuditHead head, List<Runnable> announcements) {
        store.insertCertificate(new DisposalCertificate(run.id(), record.id(), record.reference(), record.title(),
                record.owner().agency(), record.classificationCode(), item.rule(), outcome, run.preparedBy(),
                actor.subjectId(), now, head));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("runId", run.id().value());
        details.put("reference", record.reference());
        details.put("outcome", outcome.name());
        details.put("custodyIndex", head.index());
        details.put("custodyHash", head.hash());
        announcements.add(() -> {
            audit.append(actor, "records.disposed", AGGREGATE, record.id().value(), details);
            events.publish(event("records.disposed", record)
                    .payload("reference", record.reference())
                    .payload("outcome", outcome)
                    .payload("runId", run.id())
                    .build());
        });
    }

    /**
     * @param actor a records officer of the run's agency, or the system
     * @param id a run
     * @return the run
     */
    public DisposalRun findDisposalRun(Actor actor, DisposalRunId id) {
        DisposalRun run = store.findRun(id).orElseThrow(() -> new NotFoundException(RUN, id));
        actor.requireRole(run.agency(), RecordsRoles.RECORDS_OFFICER, "records.findDisposalRun");
        return run;
    }

    /**
     * @param actor a records officer of the agency, or the system
     * @param agency the owner agency
     * @param page the page
     * @return the agency's disposal certificates, newest first; they outlive the records
     */
    public Page<DisposalCertificate> certificates(Actor actor, String agency, PageRequest page) {
        actor.requireRole(agency, RecordsRoles.RECORDS_OFFICER, "records.certificates");
        return store.certificates(agency, page);
    }

    // ------------------------------------------------------------------ helpers

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String ownerAgency(Actor actor, @Nullable String requested) {
        if (actor.isSystem()) {
            if (requested == null) {
                throw ValidationException.of("agency", LocalizedText.of(
                        "is required when the system registers a record",
                        "由系統登記檔案時必須提供",
                        "é obrigatório quando o sistema regista um registo"));
            }
            return Checks.text("agency", requested, MAX_CODE);
        }
        String agency = actor.agency();
        if (!actor.isStaff() || agency == null || (requested != null && !requested.equals(agency))) {
            throw new AccessDeniedException("records.register");
        }
        return agency;
    }

    private static void requireStaffOf(Actor actor, String agency, String operation) {
        if (!(actor.isSystem() || actor.isStaffOf(agency))) {
            throw new AccessDeniedException(operation);
        }
    }

    private boolean visible(Actor actor, ManagedRecord record) {
        if (!clearance.clearanceOf(actor).permits(record.securityLevel())) {
            return false;
        }
        if (actor.isSystem()) {
            return true;
        }
        if (!actor.isStaff()) {
            return false;
        }
        if (actor.isStaffOf(record.owner().agency()) || actor.isStaffOf(record.custodian().agency())) {
            return true;
        }
        TransferId pending = record.pendingTransfer();
        return pending != null && store.findTransfer(pending).map(t -> actor.isStaffOf(t.to().agency())).orElse(false);
    }

    private ManagedRecord visibleRecord(Actor actor, RecordId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        return store.find(id).filter(r -> visible(actor, r)).orElseThrow(() -> new NotFoundException(RECORD, id));
    }

    private ManagedRecord custodianRecord(Actor actor, RecordId id) {
        ManagedRecord record = visibleRecord(actor, id);
        if (!(actor.isSystem() || actor.isStaffOf(record.custodian().agency()))) {
            throw new AccessDeniedException("records.change");
        }
        return record;
    }

    private static void requireOpen(ManagedRecord record) {
        if (record.status() != RecordStatus.OPEN) {
            throw new GcamException(RecordsErrorCode.RECORD_NOT_OPEN, record.reference());
        }
    }

    private static void requireHolder(Actor actor, ManagedRecord record) {
        CheckOut lock = record.checkOut();
        if (lock == null || !lock.subjectId().equals(actor.subjectId())) {
            throw new GcamException(RecordsErrorCode.RECORD_NOT_CHECKED_OUT_BY_YOU, record.reference());
        }
    }

    private ManagedRecord save(ManagedRecord next) {
        if (!store.update(next)) {
            throw new ConflictException("record " + next.reference());
        }
        return next;
    }

    private ContentInfo confirmContent(ContentRef content) {
        ContentInfo info = contents.describe(content.contentId())
                .orElseThrow(() -> new GcamException(RecordsErrorCode.CONTENT_NOT_FOUND, content.contentId()));
        if (!info.sha256().equalsIgnoreCase(content.sha256())) {
            throw new GcamException(RecordsErrorCode.CONTENT_CHECKSUM_MISMATCH, content.contentId());
        }
        return info;
    }

    private AuditTrail custodyTrail(RecordId id) {
        return AuditTrail.builder().store(new RecordCustodyStore(store, id)).clock(clock).objectMapper(custodyJson).build();
    }

    private AuditEntry custody(Actor actor, RecordId id, CustodyAction action, Map<String, ?> details) {
        return custodyTrail(id).append(actor, action.actionName(), RecordCustodyStore.OBJECT_TYPE, id.value(), details);
    }

    private void changed(Actor actor, ManagedRecord record, CustodyAction action, Map<String, ?> details) {
        custody(actor, record.id(), action, details);
        String type = "records." + action.actionName().substring("record.".length());
        audit.append(actor, type, AGGREGATE, record.id().value(), details);
        events.publish(event(type, record).payload("reference", record.reference()).build());
    }

    private static Map<String, Object> versionDetails(ContentVersion version) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version.number());
        details.put("contentId", version.content().contentId());
        details.put("sha256", version.content().sha256());
        return details;
    }

    private static Map<String, Object> transferDetails(Transfer transfer) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transferId", transfer.id().value());
        details.put("from", transfer.from().agency() + "/" + transfer.from().department());
        details.put("to", transfer.to().agency() + "/" + transfer.to().department());
        return details;
    }

    private DomainEvent.Builder event(String type, ManagedRecord record) {
        return event(type, AGGREGATE, record.id().value(), record.owner().agency());
    }

    private DomainEvent.Builder event(String type, String aggregateType, String aggregateId, String agency) {
        return DomainEvent.builder(type).id(ids.next()).occurredAt(now()).aggregate(aggregateType, aggregateId)
                .agency(agency);
    }

    /** Configures a {@link RecordsService}. */
    public static final class Builder {
        private @Nullable RecordStore store;
        private @Nullable ContentStore contents;
        private @Nullable ReferenceNumberGenerator references;
        private @Nullable AuditTrail audit;
        private @Nullable EventPublisher events;
        private @Nullable TransactionRunner transactions;
        private ClearancePolicy clearance = ClearancePolicy.byRoles();
        private DepartmentPolicy departments = DepartmentPolicy.byRoles();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param value where records are kept (required)
         * @return this builder
         */
        public Builder store(RecordStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * @param value where version content is kept (required)
         * @return this builder
         */
        public Builder contents(ContentStore value) {
            this.contents = Objects.requireNonNull(value, "contents");
            return this;
        }

        /**
         * @param value issues the records' reference numbers (required)
         * @return this builder
         */
        public Builder references(ReferenceNumberGenerator value) {
            this.references = Objects.requireNonNull(value, "references");
            return this;
        }

        /**
         * @param value the audit trail every change is written to (required)
         * @return this builder
         */
        public Builder audit(AuditTrail value) {
            this.audit = Objects.requireNonNull(value, "audit");
            return this;
        }

        /**
         * @param value where domain events go (required)
         * @return this builder
         */
        public Builder events(EventPublisher value) {
            this.events = Objects.requireNonNull(value, "events");
            return this;
        }

        /**
         * @param value runs each change in one transaction (required)
         * @return this builder
         */
        public Builder transactions(TransactionRunner value) {
            this.transactions = Objects.requireNonNull(value, "transactions");
            return this;
        }

        /**
         * @param value tells each reader's clearance (default {@link ClearancePolicy#byRoles()})
         * @return this builder
         */
        public Builder clearance(ClearancePolicy value) {
            this.clearance = Objects.requireNonNull(value, "clearance");
            return this;
        }

        /**
         * @param value tells which staff belong to the department a transfer goes to, who (besides a
         *     records officer of the receiving agency) may acknowledge it (default
         *     {@link DepartmentPolicy#byRoles()}: role {@code DEPT_<department>})
         * @return this builder
         */
        public Builder departments(DepartmentPolicy value) {
            this.departments = Objects.requireNonNull(value, "departments");
            return this;
        }

        /**
         * @param value the source of time (default {@link Clock#systemUTC()})
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @return the service
         * @throws NullPointerException when a required part is missing
         */
        public RecordsService build() {
            return new RecordsService(this);
        }
    }
}
