package io.gcam.testkit.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.AuditActor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.AuditTrail;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.records.CheckOut;
import io.gcam.records.Classification;
import io.gcam.records.ContentRef;
import io.gcam.records.ContentVersion;
import io.gcam.records.Custodian;
import io.gcam.records.DisposalAction;
import io.gcam.records.DisposalCertificate;
import io.gcam.records.DisposalItem;
import io.gcam.records.DisposalOutcome;
import io.gcam.records.DisposalRun;
import io.gcam.records.DisposalRunId;
import io.gcam.records.DisposalRunStatus;
import io.gcam.records.LegalHold;
import io.gcam.records.LegalHoldId;
import io.gcam.records.ManagedRecord;
import io.gcam.records.RecordId;
import io.gcam.records.RecordKind;
import io.gcam.records.RecordQuery;
import io.gcam.records.RecordStatus;
import io.gcam.records.RetentionRule;
import io.gcam.records.SecurityLevel;
import io.gcam.records.Transfer;
import io.gcam.records.TransferId;
import io.gcam.records.TransferStatus;
import io.gcam.records.spi.RecordStore;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RecordStore}, as tests. Extend it and implement {@link #createStore()}.
 * Every test uses an agency of its own, so the store may be backed by a database shared between
 * tests. A JDBC store needs the {@code records} migrations applied.
 */
public abstract class RecordStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");
    private RecordStore store;
    private String agency;

    /** Creates the kit. */
    protected RecordStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store
     */
    protected abstract RecordStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
        agency = "AG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    private ManagedRecord record(String title, SecurityLevel level, Instant createdAt) {
        Custodian owner = new Custodian(agency, "HR");
        return new ManagedRecord(new RecordId(UUID.randomUUID().toString()), "RM-" + UUID.randomUUID(), RecordKind.RECORD,
                null, LocalizedText.of(title, "中文 " + title, "Português " + title), "HR.RECRUITMENT", level, owner, owner,
                "REC-1", List.of("alpha", "beta"), RecordStatus.OPEN, createdAt, null, null, null, null, null, 0, 0, 0);
    }

    private static ManagedRecord next(ManagedRecord r, RecordStatus status, Instant closedAt, String location,
            CheckOut checkOut, int holds) {
        return new ManagedRecord(r.id(), r.reference(), r.kind(), r.dossierId(), r.title(), r.classificationCode(),
                r.securityLevel(), r.owner(), new Custodian("DSAL", "ARCHIVE"), r.caseReference(), r.keywords(), status,
                r.createdAt(), closedAt, location, r.barcode(), checkOut, null, holds, r.latestVersion() + 1,
                r.revision() + 1);
    }

    /** Every field comes back as stored, including non-ASCII titles and microsecond instants. */
    @Test
    public void findsWhatWasInserted() {
        ManagedRecord r = record("Letter", SecurityLevel.CONFIDENTIAL, T0);
        ManagedRecord full = new ManagedRecord(r.id(), r.reference(), RecordKind.DOSSIER, new RecordId(UUID.randomUUID().toString()),
                r.title(), r.classificationCode(), r.securityLevel(), r.owner(), r.custodian(), null, List.of("z", "a"),
                RecordStatus.CLOSED, T0, T0.plusSeconds(5), "Shelf 3", "BC-1", new CheckOut("clerk", T0, "edit"),
                new TransferId(UUID.randomUUID().toString()), 2, 3, 0);
        store.insert(full);

        assertThat(store.find(full.id())).contains(full);
        assertThat(store.find(new RecordId(UUID.randomUUID().toString()))).isEmpty();
        assertThat(store.findByBarcode(agency, "BC-1")).contains(full);
        assertThat(store.findByBarcode("OTHER", "BC-1")).isEmpty();
    }

    /** Ids and references are unique; barcodes are unique per owner agency. */
    @Test
    public void rejectsDuplicateIdsReferencesAndBarcodes() {
        ManagedRecord r = record("A", SecurityLevel.INTERNAL, T0);
        store.insert(r);
        assertThatThrownBy(() -> store.insert(r)).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("CONFLICT"));
        ManagedRecord withBarcode = withBarcode(record("B", SecurityLevel.INTERNAL, T0), "BAR-1");
        store.insert(withBarcode);
        assertThatThrownBy(() -> store.insert(withBarcode(record("C", SecurityLevel.INTERNAL, T0), "BAR-1")))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("BARCODE_IN_USE"));
        String before = agency;
        agency = agency + "X";
        store.insert(withBarcode(record("D", SecurityLevel.INTERNAL, T0), "BAR-1"));
        agency = before;
    }

    private static ManagedRecord withBarcode(ManagedRecord r, String barcode) {
        return new ManagedRecord(r.id(), r.reference(), r.kind(), r.dossierId(), r.title(), r.classificationCode(),
                r.securityLevel(), r.owner(), r.custodian(), r.caseReference(), r.keywords(), r.status(), r.createdAt(),
                r.closedAt(), r.location(), barcode, r.checkOut(), r.pendingTransfer(), r.activeHolds(), r.latestVersion(),
                r.revision());
    }

    /** An update applies only on top of the revision it was based on, and changes only the mutable parts. */
    @Test
    public void updateIsACompareAndSetOnTheRevision() {
        ManagedRecord r = record("A", SecurityLevel.INTERNAL, T0);
        store.insert(r);
        ManagedRecord changed = next(r, RecordStatus.CLOSED, T0.plusSeconds(1), "Shelf 1", new CheckOut("c", T0, "why"), 1);

        assertThat(store.update(changed)).isTrue();
        assertThat(store.find(r.id())).contains(changed);
        assertThat(store.update(next(r, RecordStatus.OPEN, null, "Shelf 2", null, 0))).isFalse();
        assertThat(store.update(next(changed, RecordStatus.CLOSED, T0, null, null, 0))).isTrue();
        assertThat(store.find(r.id()).orElseThrow().revision()).isEqualTo(2);
        assertThat(store.update(next(record("gone", SecurityLevel.INTERNAL, T0), RecordStatus.OPEN, null, null, null, 0)))
                .isFalse();
    }

    /** Of many concurrent updates based on the same revision, exactly one is stored. */
    @Test
    public void concurrentUpdatesOfOneRevisionStoreExactlyOne() throws Exception {
        ManagedRecord r = record("A", SecurityLevel.INTERNAL, T0);
        store.insert(r);
        AtomicInteger stored = new AtomicInteger();
        race(8, i -> {
            if (store.update(next(r, RecordStatus.OPEN, null, "Shelf " + i, new CheckOut("clerk-" + i, T0, "x"), 0))) {
                stored.incrementAndGet();
            }
        });
        assertThat(stored).hasValue(1);
        assertThat(store.find(r.id()).orElseThrow().revision()).isEqualTo(1);
    }

    /** Delete needs the revision the caller decided on and no hold in force; it takes versions and chain along. */
    @Test
    public void deletesOnlyAtTheExpectedRevisionAndWithoutHolds() {
        ManagedRecord r = record("A", SecurityLevel.INTERNAL, T0);
        store.insert(r);
        store.addVersion(version(r.id(), 1));
        store.appendCustody(r.id(), head -> entry(r.id(), head, "record.viewed"));
        ManagedRecord held = next(r, RecordStatus.CLOSED, T0, null, null, 1);
        store.update(held);

        assertThat(store.delete(r.id(), 0)).isFalse();
        assertThat(store.delete(r.id(), 1)).isFalse();
        ManagedRecord released = next(held, RecordStatus.CLOSED, T0, null, null, 0);
        store.update(released);
        assertThat(store.delete(r.id(), 2)).isTrue();

        assertThat(store.find(r.id())).isEmpty();
        assertThat(store.versions(r.id())).isEmpty();
        assertThat(store.custody(r.id(), 1, 10)).isEmpty();
        assertThat(store.custodyHead(r.id())).isEqualTo(AuditHead.genesis());
        assertThat(store.delete(r.id(), 2)).isFalse();
    }

    /** Search covers the agency's owned or held records up to the clearance, newest first, in pages. */
    @Test
    public void searchAppliesAgencyClearanceAndCriteria() {
        List<ManagedRecord> visible = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ManagedRecord r = record("Report " + i, SecurityLevel.INTERNAL, T0.plusSeconds(i));
            store.insert(r);
            visible.add(0, r);
        }
        store.insert(record("Confidential report", SecurityLevel.CONFIDENTIAL, T0.plusSeconds(10)));

        Page<ManagedRecord> first = store.search(RecordQuery.all(), agency, SecurityLevel.INTERNAL, PageRequest.of(0, 2));
        Page<ManagedRecord> last = store.search(RecordQuery.all(), agency, SecurityLevel.INTERNAL, PageRequest.of(2, 2));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).containsExactly(visible.get(0), visible.get(1));
        assertThat(last.items()).containsExactly(visible.get(4));
        assertThat(store.search(RecordQuery.all(), agency, SecurityLevel.SECRET, PageRequest.first()).total()).isEqualTo(6);
        assertThat(store.search(RecordQuery.all(), "NOBODY", SecurityLevel.SECRET, PageRequest.first()).total()).isZero();
        assertThat(store.search(RecordQuery.builder().keyword("REPORT 3").build(), agency, SecurityLevel.SECRET,
                PageRequest.first()).items()).containsExactly(visible.get(1));
        assertThat(store.search(RecordQuery.builder().keyword("beta").build(), agency, SecurityLevel.INTERNAL,
                PageRequest.first()).total()).isEqualTo(5);
        assertThat(store.search(RecordQuery.builder().keyword("中文 report 4").build(), agency, SecurityLevel.INTERNAL,
                PageRequest.first()).items()).containsExactly(visible.get(0));
        assertThat(store.search(RecordQuery.builder().classification("HR").build(), agency, SecurityLevel.INTERNAL,
                PageRequest.first()).total()).isEqualTo(5);
        assertThat(store.search(RecordQuery.builder().classification("HR.RECRUIT").build(), agency, SecurityLevel.INTERNAL,
                PageRequest.first()).total()).isZero();
        assertThat(store.search(RecordQuery.builder().created(T0.plusSeconds(1), T0.plusSeconds(3)).build(), agency,
                SecurityLevel.INTERNAL, PageRequest.first()).items()).containsExactly(visible.get(2), visible.get(3));
        assertThat(store.search(RecordQuery.builder().status(RecordStatus.CLOSED).kind(RecordKind.RECORD).build(), agency,
                SecurityLevel.SECRET, PageRequest.first()).total()).isZero();
    }

    /** Records held by the agency after a transfer are found too. */
    @Test
    public void searchFindsRecordsTheAgencyHolds() {
        ManagedRecord r = record("A", SecurityLevel.INTERNAL, T0);
        store.insert(r);
        store.update(next(r, RecordStatus.OPEN, null, null, null, 0));
        assertThat(store.search(RecordQuery.all(), "DSAL", SecurityLevel.INTERNAL, PageRequest.of(0, 200)).items())
                .extracting(ManagedRecord::id).contains(r.id());
    }

    /** Due records: closed at or before the cut-off, of the class, without holds, oldest first. */
    @Test
    public void listsRecordsDueForDisposal() {
        ManagedRecord early = record("early", SecurityLevel.INTERNAL, T0);
        ManagedRecord late = record("late", SecurityLevel.INTERNAL, T0);
        ManagedRecord held = record("held", SecurityLevel.INTERNAL, T0);
        ManagedRecord open = record("open", SecurityLevel.INTERNAL, T0);
        for (ManagedRecord r : List.of(early, late, held, open)) {
            store.insert(r);
        }
        store.update(closed(early, T0.plusSeconds(1), 0));
        store.update(closed(late, T0.plusSeconds(3), 0));
        store.update(closed(held, T0, 1));

        assertThat(store.dueForDisposal(agency, "HR.RECRUITMENT", T0.plusSeconds(3), 10)).extracting(ManagedRecord::id)
                .containsExactly(early.id(), late.id());
        assertThat(store.dueForDisposal(agency, "HR.RECRUITMENT", T0.plusSeconds(2), 10)).extracting(ManagedRecord::id)
                .containsExactly(early.id());
        assertThat(store.dueForDisposal(agency, "OTHER", T0.plusSeconds(9), 10)).isEmpty();
    }

    private static ManagedRecord closed(ManagedRecord r, Instant closedAt, int holds) {
        return new ManagedRecord(r.id(), r.reference(), r.kind(), r.dossierId(), r.title(), r.classificationCode(),
                r.securityLevel(), r.owner(), r.custodian(), r.caseReference(), r.keywords(), RecordStatus.CLOSED,
                r.createdAt(), closedAt, r.location(), r.barcode(), null, null, holds, r.latestVersion(), r.revision() + 1);
    }

    /** Versions come back in order; a number is used once. */
    @Test
    public void keepsVersionsInOrder() {
        ManagedRecord r = record("A", SecurityLevel.INTERNAL, T0);
        store.insert(r);
        ContentVersion v2 = version(r.id(), 2);
        ContentVersion v1 = version(r.id(), 1);
        store.addVersion(v2);
        store.addVersion(v1);

        assertThat(store.versions(r.id())).containsExactly(v1, v2);
        assertThatThrownBy(() -> store.addVersion(version(r.id(), 2))).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("CONFLICT"));
    }

    private static ContentVersion version(RecordId id, int number) {
        return new ContentVersion(id, number, new ContentRef(UUID.randomUUID().toString(), "ab".repeat(32)), 42,
                "application/pdf", "clerk", T0.plusSeconds(number), "check-in " + number);
    }

    /** Each record has its own chain, stored exactly as given. */
    @Test
    public void appendsCustodyPerRecord() {
        ManagedRecord a = record("A", SecurityLevel.INTERNAL, T0);
        ManagedRecord b = record("B", SecurityLevel.INTERNAL, T0);
        store.insert(a);
        store.insert(b);
        assertThat(store.custodyHead(a.id())).isEqualTo(AuditHead.genesis());

        AuditEntry a1 = store.appendCustody(a.id(), head -> entry(a.id(), head, "record.registered"));
        AuditEntry a2 = store.appendCustody(a.id(), head -> entry(a.id(), head, "record.viewed"));
        AuditEntry b1 = store.appendCustody(b.id(), head -> entry(b.id(), head, "record.registered"));

        assertThat(a2.index()).isEqualTo(2);
        assertThat(a2.previousHash()).isEqualTo(a1.hash());
        assertThat(b1.index()).isEqualTo(1);
        assertThat(store.custodyHead(a.id())).isEqualTo(a2.asHead());
        assertThat(store.custody(a.id(), 1, 10)).containsExactly(a1, a2);
        assertThat(store.custody(a.id(), 2, 10)).containsExactly(a2);
        assertThat(store.custody(b.id(), 1, 10)).containsExactly(b1);
    }

    /** An entry that does not follow the head is refused and changes nothing; an unknown record is not found. */
    @Test
    public void refusesCustodyEntriesThatDoNotFollowTheHead() {
        ManagedRecord a = record("A", SecurityLevel.INTERNAL, T0);
        store.insert(a);
        assertThatThrownBy(() -> store.appendCustody(a.id(), head -> entry(a.id(), new AuditHead(5, head.hash()), "x.y")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.custodyHead(a.id())).isEqualTo(AuditHead.genesis());
        assertThat(store.custody(a.id(), 1, 10)).isEmpty();
        RecordId unknown = new RecordId(UUID.randomUUID().toString());
        assertThatThrownBy(() -> store.appendCustody(unknown, head -> entry(unknown, head, "x.y")))
                .isInstanceOf(NotFoundException.class);
    }

    /** Concurrent appends to one record's chain extend one chain without gaps or forks. */
    @Test
    public void concurrentCustodyAppendsKeepOneChain() throws Exception {
        ManagedRecord a = record("A", SecurityLevel.INTERNAL, T0);
        store.insert(a);
        race(8, i -> {
            for (int n = 0; n < 10; n++) {
                store.appendCustody(a.id(), head -> entry(a.id(), head, "record.viewed"));
            }
        });
        List<AuditEntry> chain = store.custody(a.id(), 1, 1000);
        assertThat(chain).hasSize(80);
        String previous = AuditHead.GENESIS_HASH;
        for (int i = 0; i < chain.size(); i++) {
            assertThat(chain.get(i).index()).isEqualTo(i + 1);
            assertThat(chain.get(i).previousHash()).isEqualTo(previous);
            assertThat(AuditTrail.hashOf(chain.get(i))).isEqualTo(chain.get(i).hash());
            previous = chain.get(i).hash();
        }
        assertThat(store.custodyHead(a.id())).isEqualTo(chain.get(79).asHead());
    }

    private static AuditEntry entry(RecordId id, AuditHead head, String action) {
        AuditActor actor = AuditActor.of(Actor.staff("clerk-1", "SAFP"));
        Instant at = T0.plusSeconds(head.index());
        AuditEntry draft = new AuditEntry(head.index() + 1, actor, action, "record", id.value(), at,
                "{\"note\":\"été 記錄\"}", head.hash(), "");
        return new AuditEntry(draft.index(), actor, action, "record", id.value(), at, draft.details(), head.hash(),
                AuditTrail.hashOf(draft));
    }

    /** The file plan is per agency, ordered by code; a code is used once. */
    @Test
    public void keepsTheFilePlan() {
        Classification top = new Classification(agency, "A", LocalizedText.of("Top", "頂層", "Topo"), null, null);
        Classification child = new Classification(agency, "A.B", LocalizedText.english("Child"), "A",
                new RetentionRule(Period.ofYears(7), DisposalAction.TRANSFER_TO_ARCHIVES));
        store.insertClassification(child);
        store.insertClassification(top);

        assertThat(store.filePlan(agency)).containsExactly(top, child);
        assertThat(store.classification(agency, "A.B")).contains(child);
        assertThat(store.classification("OTHER", "A.B")).isEmpty();
        assertThatThrownBy(() -> store.insertClassification(top)).isInstanceOfSatisfying(GcamException.class,
                e -> assertThat(e.code()).isEqualTo("CLASSIFICATION_EXISTS"));
    }

    /** A transfer is acknowledged once; pending ones are listed for the receiving agency. */
    @Test
    public void acknowledgesATransferOnce() {
        ManagedRecord r = record("A", SecurityLevel.INTERNAL, T0);
        store.insert(r);
        String receiver = agency + "R";
        Transfer t = new Transfer(new TransferId(UUID.randomUUID().toString()), r.id(), r.custodian(),
                new Custodian(receiver, "ARCHIVE"), "note", "clerk", T0, TransferStatus.PENDING, null, null);
        store.insertTransfer(t);

        assertThat(store.findTransfer(t.id())).contains(t);
        assertThat(store.pendingTransfersTo(receiver, 10)).containsExactly(t);
        Transfer done = new Transfer(t.id(), t.recordId(), t.from(), t.to(), t.note(), t.sentBy(), t.sentAt(),
                TransferStatus.ACKNOWLEDGED, "receiver", T0.plusSeconds(60));
        assertThat(store.acknowledgeTransfer(done)).isTrue();
        assertThat(store.acknowledgeTransfer(done)).isFalse();
        assertThat(store.findTransfer(t.id())).contains(done);
        assertThat(store.pendingTransfersTo(receiver, 10)).isEmpty();
        assertThat(store.transfersOf(r.id())).containsExactly(done);
    }

    /** A hold is released once. */
    @Test
    public void releasesAHoldOnce() {
        ManagedRecord r = record("A", SecurityLevel.INTERNAL, T0);
        store.insert(r);
        LegalHold hold = new LegalHold(new LegalHoldId(UUID.randomUUID().toString()), r.id(), "case 1", "officer", T0,
                null, null);
        store.insertHold(hold);
        LegalHold released = new LegalHold(hold.id(), r.id(), "case 1", "officer", T0, "officer-2", T0.plusSeconds(9));

        assertThat(store.findHold(hold.id())).contains(hold);
        assertThat(store.releaseHold(released)).isTrue();
        assertThat(store.releaseHold(released)).isFalse();
        assertThat(store.holds(r.id())).containsExactly(released);
    }

    /** A run keeps its items; it is completed once; certificates outlive the record. */
    @Test
    public void completesARunOnceAndKeepsCertificatesAfterTheRecordIsGone() {
        ManagedRecord r = record("A", SecurityLevel.INTERNAL, T0);
        store.insert(r);
        RetentionRule rule = RetentionRule.years(10, DisposalAction.DESTROY);
        DisposalItem item = new DisposalItem(r.id(), r.reference(), r.classificationCode(), rule, T0, 0, null);
        DisposalRun run = new DisposalRun(new DisposalRunId(UUID.randomUUID().toString()), agency,
                DisposalRunStatus.PENDING_APPROVAL, "officer-1", T0, null, null, List.of(item));
        store.insertRun(run);
        assertThat(store.findRun(run.id())).contains(run);

        DisposalRun done = new DisposalRun(run.id(), agency, DisposalRunStatus.COMPLETED, "officer-1", T0, "officer-2",
                T0.plusSeconds(1), List.of(new DisposalItem(r.id(), r.reference(), r.classificationCode(), rule, T0, 0,
                        DisposalOutcome.DESTROYED)));
        assertThat(store.completeRun(done)).isTrue();
        assertThat(store.completeRun(done)).isFalse();
        assertThat(store.findRun(run.id())).contains(done);

        DisposalCertificate certificate = new DisposalCertificate(run.id(), r.id(), r.reference(), r.title(), agency,
                r.classificationCode(), rule, DisposalOutcome.DESTROYED, "officer-1", "officer-2", T0.plusSeconds(1),
                new AuditHead(3, "cd".repeat(32)));
        store.insertCertificate(certificate);
        assertThat(store.delete(r.id(), 0)).isTrue();
        assertThat(store.certificates(agency, PageRequest.first()).items()).containsExactly(certificate);
        assertThat(store.certificates("OTHER", PageRequest.first()).total()).isZero();
    }

    private static void race(int threads, Task task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(executor.submit(() -> {
                    start.await();
                    task.run(n);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Task {
        void run(int thread) throws Exception;
    }
}
