package io.gcam.testkit.records;

import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.ConflictException;
import io.gcam.core.GcamException;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.records.Classification;
import io.gcam.records.ContentVersion;
import io.gcam.records.DisposalCertificate;
import io.gcam.records.DisposalRun;
import io.gcam.records.DisposalRunId;
import io.gcam.records.DisposalRunStatus;
import io.gcam.records.LegalHold;
import io.gcam.records.LegalHoldId;
import io.gcam.records.ManagedRecord;
import io.gcam.records.RecordId;
import io.gcam.records.RecordQuery;
import io.gcam.records.RecordStatus;
import io.gcam.records.RecordsErrorCode;
import io.gcam.records.SecurityLevel;
import io.gcam.records.Transfer;
import io.gcam.records.TransferId;
import io.gcam.records.TransferStatus;
import io.gcam.records.spi.RecordStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A {@link RecordStore} in memory, for tests and demos. Every operation is atomic under the
 * instance's lock, so its conditional changes keep the SPI's compare-and-set guarantees; it takes
 * part in no transaction (a rolled-back change stays).
 */
public final class InMemoryRecordStore implements RecordStore {

    private final Map<RecordId, ManagedRecord> records = new LinkedHashMap<>();
    private final Map<RecordId, List<ContentVersion>> versions = new HashMap<>();
    private final Map<RecordId, NavigableMap<Long, AuditEntry>> custody = new HashMap<>();
    private final Map<RecordId, AuditHead> heads = new HashMap<>();
    private final Map<String, Classification> classes = new TreeMap<>();
    private final Map<TransferId, Transfer> transfers = new LinkedHashMap<>();
    private final Map<LegalHoldId, LegalHold> holds = new LinkedHashMap<>();
    private final Map<DisposalRunId, DisposalRun> runs = new HashMap<>();
    private final List<DisposalCertificate> certificates = new ArrayList<>();

    /** Creates an empty store. */
    public InMemoryRecordStore() {
    }

    @Override
    public synchronized void insert(ManagedRecord record) {
        Objects.requireNonNull(record, "record");
        for (ManagedRecord r : records.values()) {
            if (r.id().equals(record.id()) || r.reference().equals(record.reference())) {
                throw new ConflictException("record " + record.id());
            }
            if (record.barcode() != null && record.barcode().equals(r.barcode())
                    && r.owner().agency().equals(record.owner().agency())) {
                throw new GcamException(RecordsErrorCode.BARCODE_IN_USE, record.barcode());
            }
        }
        records.put(record.id(), record);
        heads.put(record.id(), AuditHead.genesis());
        custody.put(record.id(), new TreeMap<>());
        versions.put(record.id(), new ArrayList<>());
    }

    @Override
    public synchronized Optional<ManagedRecord> find(RecordId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized Optional<ManagedRecord> findByBarcode(String agency, String barcode) {
        return records.values().stream()
                .filter(r -> barcode.equals(r.barcode()) && r.owner().agency().equals(agency))
                .findFirst();
    }

    @Override
    public synchronized boolean update(ManagedRecord record) {
        ManagedRecord stored = records.get(record.id());
        if (stored == null || stored.revision() != record.revision() - 1) {
            return false;
        }
        records.put(record.id(), new ManagedRecord(stored.id(), stored.reference(), stored.kind(), stored.dossierId(),
                stored.title(), stored.classificationCode(), stored.securityLevel(), stored.owner(), record.custodian(),
                stored.caseReference(), stored.keywords(), record.status(), stored.createdAt(), record.closedAt(),
                record.location(), stored.barcode(), record.checkOut(), record.pendingTransfer(), record.activeHolds(),
                record.latestVersion(), record.revision()));
        return true;
    }

    @Override
    public synchronized boolean delete(RecordId id, long revision) {
        ManagedRecord stored = records.get(id);
        if (stored == null || stored.revision() != revision || stored.activeHolds() > 0) {
            return false;
        }
        records.remove(id);
        versions.remove(id);
        custody.remove(id);
        heads.remove(id);
        transfers.values().removeIf(t -> t.recordId().equals(id));
        holds.values().removeIf(h -> h.recordId().equals(id));
        return true;
    }

    @Override
    public synchronized Page<ManagedRecord> search(RecordQuery q, String agency, SecurityLevel clearance,
            PageRequest page) {
        List<ManagedRecord> matches = records.values().stream()
                .filter(r -> r.owner().agency().equals(agency) || r.custodian().agency().equals(agency))
                .filter(r -> clearance.permits(r.securityLevel()))
                .filter(r -> q.classificationPrefix() == null || r.classificationCode().equals(q.classificationPrefix())
                        || r.classificationCode().startsWith(q.classificationPrefix() + "."))
                .filter(r -> q.keyword() == null || matchesKeyword(r, q.keyword()))
                .filter(r -> q.status() == null || r.status() == q.status())
                .filter(r -> q.kind() == null || r.kind() == q.kind())
                .filter(r -> q.caseReference() == null || q.caseReference().equals(r.caseReference()))
                .filter(r -> q.dossierId() == null || q.dossierId().equals(r.dossierId()))
                .filter(r -> q.createdFrom() == null || !r.createdAt().isBefore(q.createdFrom()))
                .filter(r -> q.createdBefore() == null || r.createdAt().isBefore(q.createdBefore()))
                .sorted(Comparator.comparing(ManagedRecord::createdAt)
                        .thenComparing(r -> r.id().value()).reversed())
                .toList();
        List<ManagedRecord> items = matches.stream().skip(page.offset()).limit(page.size()).toList();
        return Page.of(items, page, matches.size());
    }

    private static boolean matchesKeyword(ManagedRecord r, String keyword) {
        return r.keywords().contains(keyword)
                || contains(r.title().en(), keyword)
                || contains(r.title().zhHant(), keyword)
                || contains(r.title().pt(), keyword)
                || r.reference().toLowerCase(Locale.ROOT).equals(keyword);
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part);
    }

    @Override
    public synchronized List<ManagedRecord> dueForDisposal(String agency, String classificationCode, Instant closedUpTo,
            int limit) {
        return records.values().stream()
                .filter(r -> r.owner().agency().equals(agency) && r.classificationCode().equals(classificationCode))
                .filter(r -> r.status() == RecordStatus.CLOSED && r.closedAt() != null
                        && !r.closedAt().isAfter(closedUpTo) && r.activeHolds() == 0)
                .sorted(Comparator.comparing(ManagedRecord::closedAt).thenComparing(r -> r.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void addVersion(ContentVersion version) {
        List<ContentVersion> list = versions.get(version.recordId());
        if (list == null) {
            throw new NotFoundException("record", version.recordId());
        }
        if (list.stream().anyMatch(v -> v.number() == version.number())) {
            throw new ConflictException("version " + version.number() + " of record " + version.recordId());
        }
        list.add(version);
        list.sort(Comparator.comparingInt(ContentVersion::number));
    }

    @Override
    public synchronized List<ContentVersion> versions(RecordId id) {
        return List.copyOf(versions.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized AuditEntry appendCustody(RecordId id, Function<AuditHead, AuditEntry> nextEntry) {
        Objects.requireNonNull(nextEntry, "nextEntry");
        AuditHead head = heads.get(id);
        if (head == null) {
            throw new NotFoundException("record", id);
        }
        AuditEntry entry = nextEntry.apply(head);
        if (entry.index() != head.index() + 1 || !entry.previousHash().equals(head.hash())) {
            throw new IllegalStateException("custody entry " + entry.index() + " does not follow the head " + head.index());
        }
        custody.get(id).put(entry.index(), entry);
        heads.put(id, entry.asHead());
        return entry;
    }

    @Override
    public synchronized AuditHead custodyHead(RecordId id) {
        return heads.getOrDefault(id, AuditHead.genesis());
    }

    @Override
    public synchronized List<AuditEntry> custody(RecordId id, long fromIndex, int limit) {
        NavigableMap<Long, AuditEntry> chain = custody.get(id);
        if (chain == null) {
            return List.of();
        }
        return chain.tailMap(fromIndex, true).values().stream().limit(limit).toList();
    }

    /**
     * Tampering, for tests: replaces the stored custody entry at {@code replacement.index()} without
     * moving the head, as someone with direct access to the storage could.
     *
     * @param id the record
     * @param replacement the forged entry
     */
    public synchronized void overwriteCustody(RecordId id, AuditEntry replacement) {
        custody.get(id).put(replacement.index(), replacement);
    }

    /**
     * Tampering, for tests: removes one custody entry without moving the head.
     *
     * @param id the record
     * @param index the entry's index
     */
    public synchronized void deleteCustody(RecordId id, long index) {
        custody.get(id).remove(index);
    }

    @Override
    public synchronized void insertClassification(Classification classification) {
        String key = classification.agency() + "\u0000" + classification.code();
        if (classes.containsKey(key)) {
            throw new GcamException(RecordsErrorCode.CLASSIFICATION_EXISTS, classification.code());
        }
        classes.put(key, classification);
    }

    @Override
    public synchronized Optional<Classification> classification(String agency, String code) {
        return Optional.ofNullable(classes.get(agency + "\u0000" + code));
    }

    @Override
    public synchronized List<Classification> filePlan(String agency) {
        return classes.values().stream().filter(c -> c.agency().equals(agency)).toList();
    }

    @Override
    public synchronized void insertTransfer(Transfer transfer) {
        if (transfers.putIfAbsent(transfer.id(), transfer) != null) {
            throw new ConflictException("transfer " + transfer.id());
        }
    }

    @Override
    public synchronized Optional<Transfer> findTransfer(TransferId id) {
        return Optional.ofNullable(transfers.get(id));
    }

    @Override
    public synchronized boolean acknowledgeTransfer(Transfer acknowledged) {
        Transfer stored = transfers.get(acknowledged.id());
        if (stored == null || stored.status() != TransferStatus.PENDING) {
            return false;
        }
        transfers.put(acknowledged.id(), new Transfer(stored.id(), stored.recordId(), stored.from(), stored.to(),
                stored.note(), stored.sentBy(), stored.sentAt(), acknowledged.status(), acknowledged.acknowledgedBy(),
                acknowledged.acknowledgedAt()));
        return true;
    }

    @Override
    public synchronized List<Transfer> pendingTransfersTo(String agency, int limit) {
        return transfers.values().stream()
                .filter(t -> t.status() == TransferStatus.PENDING && t.to().agency().equals(agency))
                .sorted(Comparator.comparing(Transfer::sentAt).thenComparing(t -> t.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Transfer> transfersOf(RecordId id) {
        return transfers.values().stream().filter(t -> t.recordId().equals(id))
                .sorted(Comparator.comparing(Transfer::sentAt).thenComparing(t -> t.id().value()))
                .toList();
    }

    @Override
    public synchronized void insertHold(LegalHold hold) {
        if (holds.putIfAbsent(hold.id(), hold) != null) {
            throw new ConflictException("legal hold " + hold.id());
        }
    }

    @Override
    public synchronized Optional<LegalHold> findHold(LegalHoldId id) {
        return Optional.ofNullable(holds.get(id));
    }

    @Override
    public synchronized boolean releaseHold(LegalHold released) {
        LegalHold stored = holds.get(released.id());
        if (stored == null || !stored.active()) {
            return false;
        }
        holds.put(released.id(), new LegalHold(stored.id(), stored.recordId(), stored.reason(), stored.placedBy(),
                stored.placedAt(), released.releasedBy(), released.releasedAt()));
        return true;
    }

    @Override
    public synchronized List<LegalHold> holds(RecordId id) {
        return holds.values().stream().filter(h -> h.recordId().equals(id))
                .sorted(Comparator.comparing(LegalHold::placedAt).thenComparing(h -> h.id().value()))
                .toList();
    }

    @Override
    public synchronized void insertRun(DisposalRun run) {
        if (runs.putIfAbsent(run.id(), run) != null) {
            throw new ConflictException("disposal run " + run.id());
        }
    }

    @Override
    public synchronized Optional<DisposalRun> findRun(DisposalRunId id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public synchronized boolean completeRun(DisposalRun completed) {
        DisposalRun stored = runs.get(completed.id());
        if (stored == null || stored.status() != DisposalRunStatus.PENDING_APPROVAL) {
            return false;
        }
        runs.put(completed.id(), completed);
        return true;
    }

    @Override
    public synchronized void insertCertificate(DisposalCertificate certificate) {
        boolean exists = certificates.stream().anyMatch(c -> c.runId().equals(certificate.runId())
                && c.recordId().equals(certificate.recordId()));
        if (exists) {
            throw new ConflictException("certificate of record " + certificate.recordId());
        }
        certificates.add(certificate);
    }

    @Override
    public synchronized Page<DisposalCertificate> certificates(String agency, PageRequest page) {
        List<DisposalCertificate> matches = certificates.stream().filter(c -> c.agency().equals(agency))
                .sorted(Comparator.comparing(DisposalCertificate::disposedAt).reversed()
                        .thenComparing(c -> c.recordId().value()))
                .toList();
        return Page.of(matches.stream().skip(page.offset()).limit(page.size()).toList(), page, matches.size());
    }
}
