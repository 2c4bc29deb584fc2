package io.gcam.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.AuditActor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.AuditTrail;
import io.gcam.core.AuditVerification;
import io.gcam.core.AuditVerification.Reason;
import io.gcam.core.spi.AuditStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link AuditStore}, checked through {@link AuditTrail}. Extend it in the test of
 * an implementation, supply a fresh, empty store per test and three ways to tamper with what it
 * stores (as someone with direct access to the storage could):
 *
 * <pre>{@code
 * class MyAuditStoreTest extends AuditStoreCompatibilityKit {
 *     protected AuditStore createStore() { ... }
 *     protected void overwriteEntry(AuditEntry forged) { ... }   // e.g. UPDATE ... WHERE seq = ?
 *     protected void deleteEntry(long index) { ... }
 *     protected void swapEntries(long first, long second) { ... }
 * }
 * }</pre>
 */
public abstract class AuditStoreCompatibilityKit {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00.123456789Z");

    /** The actor most entries are appended by. */
    protected static final Actor REVIEWER = Actor.staff("staff-7", "SAFP", "REVIEWER");

    private AuditStore store;
    private KitClock clock;
    private AuditTrail trail;

    /** Kits are extended, not instantiated. */
    protected AuditStoreCompatibilityKit() {
    }

    /**
     * @return a new store holding an empty trail; called before every test
     */
    protected abstract AuditStore createStore();

    /**
     * Tampers with the store: replaces every stored field of the entry at {@code forged.index()} with
     * those of {@code forged}, without touching the head.
     *
     * @param forged the entry to store instead
     */
    protected abstract void overwriteEntry(AuditEntry forged);

    /**
     * Tampers with the store: deletes the entry at {@code index}, without touching the head.
     *
     * @param index the entry's index
     */
    protected abstract void deleteEntry(long index);

    /**
     * Tampers with the store: exchanges the indexes of two entries, leaving everything else as it is.
     *
     * @param first an entry's index
     * @param second another entry's index
     */
    protected abstract void swapEntries(long first, long second);

    /** Creates the store and a trail over it. */
    @BeforeEach
    void createTrail() {
        store = createStore();
        clock = new KitClock(START);
        trail = AuditTrail.builder().store(store).clock(clock).build();
    }

    /** @return the store under test */
    protected AuditStore store() {
        return store;
    }

    /** @return the trail over the store under test */
    protected AuditTrail trail() {
        return trail;
    }

    @Test
    void verifiesAnEmptyTrail() {
        AuditVerification result = trail.verify();

        assertThat(result.ok()).isTrue();
        assertThat(result.entriesChecked()).isZero();
        assertThat(result.head()).isEqualTo(AuditHead.genesis());
        assertThat(store.head()).isEqualTo(AuditHead.genesis());
    }

    @Test
    void chainsEntriesFromTheGenesisHash() {
        List<AuditEntry> appended = appendSome(3);

        assertThat(appended).extracting(AuditEntry::index).containsExactly(1L, 2L, 3L);
        assertThat(appended.get(0).previousHash()).isEqualTo(AuditHead.GENESIS_HASH);
        assertThat(appended.get(1).previousHash()).isEqualTo(appended.get(0).hash());
        assertThat(appended.get(2).previousHash()).isEqualTo(appended.get(1).hash());
        assertThat(appended).extracting(AuditEntry::hash).doesNotHaveDuplicates()
                .allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
        assertThat(store.head()).isEqualTo(appended.get(2).asHead());
        AuditVerification result = trail.verify();
        assertThat(result.ok()).as("%s", result.failure()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(3);
        assertThat(result.head()).isEqualTo(appended.get(2).asHead());
    }

    @Test
    void returnsEntriesExactlyAsAppended() {
        AuditEntry byStaff = trail.append(REVIEWER, "application.approved", "application", "APP-1",
                Map.of("level", 2, "comment", "documents complete", "nested", Map.of("b", true, "a", List.of(1, 2))));
        clock.advance(Duration.ofSeconds(1));
        AuditEntry byApplicant = trail.append(Actor.applicant("applicant-1"), "application.submitted",
                "application", "APP-2", null);
        AuditEntry bySystem = trail.append(Actor.system("sla-worker"), "application.overdue", "application",
                "APP-1", Map.of("note", "中文 e português"));

        assertThat(byStaff.at()).isEqualTo(Instant.parse("2026-03-01T09:00:00.123456Z"));
        assertThat(byStaff.actor()).isEqualTo(new AuditActor("staff-7", Actor.Kind.STAFF, "SAFP"));
        assertThat(byStaff.details())
                .isEqualTo("{\"comment\":\"documents complete\",\"level\":2,\"nested\":{\"a\":[1,2],\"b\":true}}");
        assertThat(byApplicant.actor()).isEqualTo(new AuditActor("applicant-1", Actor.Kind.APPLICANT, null));
        assertThat(byApplicant.details()).isEqualTo("{}");
        assertThat(store.entries(1, 10)).containsExactly(byStaff, byApplicant, bySystem);
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void readsTheTrailInIndexOrderFromAnyIndex() {
        List<AuditEntry> appended = appendSome(5);

        assertThat(trail.entries(2, 2)).containsExactly(appended.get(1), appended.get(2));
        assertThat(trail.entries(5, 10)).containsExactly(appended.get(4));
        assertThat(trail.entries(6, 10)).isEmpty();
    }

    @Test
    void pagesThroughTheEntriesOfOneObject() {
        AuditEntry first = trail.append(REVIEWER, "application.opened", "application", "APP-1", null);
        trail.append(REVIEWER, "application.opened", "application", "APP-2", null);
        trail.append(REVIEWER, "appointment.booked", "appointment", "APP-1", null);
        AuditEntry second = trail.append(REVIEWER, "application.reviewed", "application", "APP-1", null);
        AuditEntry third = trail.append(REVIEWER, "application.approved", "application", "APP-1", null);

        List<AuditEntry> page1 = trail.entriesFor("application", "APP-1", 0, 2);
        List<AuditEntry> page2 = trail.entriesFor("application", "APP-1", page1.get(1).index(), 2);

        assertThat(page1).containsExactly(first, second);
        assertThat(page2).containsExactly(third);
        assertThat(trail.entriesFor("application", "APP-1", third.index(), 2)).isEmpty();
        assertThat(trail.entriesFor("application", "APP-9", 0, 10)).isEmpty();
    }

    @Test
    void rejectsAnEntryThatDoesNotFollowTheHead() {
        AuditEntry last = appendSome(2).get(1);

        assertThatThrownBy(() -> store.append(head -> new AuditEntry(head.index() + 2, AuditActor.of(REVIEWER),
                "x.y", "t", "o", START, "{}", head.hash(), "f".repeat(64))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.append(head -> new AuditEntry(head.index() + 1, AuditActor.of(REVIEWER),
                "x.y", "t", "o", START, "{}", AuditHead.GENESIS_HASH, "f".repeat(64))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.head()).isEqualTo(last.asHead());
        assertThat(store.entries(1, 10)).hasSize(2);
    }

    @Test
    void detectsAnEditedEntry() {
        AuditEntry third = appendSome(5).get(2);

        overwriteEntry(new AuditEntry(3, third.actor(), "application.rejected", third.objectType(), third.objectId(),
                third.at(), third.details(), third.previousHash(), third.hash()));

        assertBrokenAt(3, Reason.ENTRY_ALTERED);
    }

    @Test
    void detectsEditedDetails() {
        AuditEntry second = appendSome(5).get(1);

        overwriteEntry(new AuditEntry(2, second.actor(), second.action(), second.objectType(), second.objectId(),
                second.at(), "{\"seq\":99}", second.previousHash(), second.hash()));

        assertBrokenAt(2, Reason.ENTRY_ALTERED);
    }

    @Test
    void detectsAnEditedEntryWhoseHashWasRecomputed() {
        AuditEntry third = appendSome(5).get(2);
        AuditEntry edited = new AuditEntry(3, new AuditActor("someone-else", Actor.Kind.STAFF, "SAFP"), third.action(),
                third.objectType(), third.objectId(), third.at(), third.details(), third.previousHash(), "");
        AuditEntry forged = new AuditEntry(3, edited.actor(), edited.action(), edited.objectType(), edited.objectId(),
                edited.at(), edited.details(), edited.previousHash(), AuditTrail.hashOf(edited));

        overwriteEntry(forged);

        assertBrokenAt(4, Reason.CHAIN_BROKEN);
    }

    @Test
    void detectsADeletedEntry() {
        appendSome(5);

        deleteEntry(3);

        assertBrokenAt(3, Reason.ENTRY_MISSING);
    }

    @Test
    void detectsADeletedFirstEntry() {
        appendSome(3);

        deleteEntry(1);

        assertBrokenAt(1, Reason.ENTRY_MISSING);
    }

    @Test
    void detectsReorderedEntries() {
        appendSome(5);

        swapEntries(2, 4);

        assertBrokenAt(2, Reason.ENTRY_ALTERED);
    }

    @Test
    void detectsADeletedTailWhileTheHeadIsIntact() {
        appendSome(5);

        deleteEntry(5);
        deleteEntry(4);

        assertBrokenAt(4, Reason.TAIL_MISSING);
    }

    @Test
    void acceptsAnAnchorTheTrailStillContains() {
        appendSome(3);
        AuditHead anchor = trail.head();
        appendSome(2);

        AuditVerification result = trail.verify(anchor);

        assertThat(result.ok()).as("%s", result.failure()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(5);
    }

    @Test
    void detectsAnAnchorTheTrailNoLongerContains() {
        appendSome(3);

        AuditVerification rewritten = trail.verify(new AuditHead(2, "a".repeat(64)));
        AuditVerification cutBack = trail.verify(new AuditHead(7, "a".repeat(64)));

        assertThat(rewritten.failure()).isNotNull();
        assertThat(rewritten.failure().reason()).isEqualTo(Reason.ANCHOR_MISMATCH);
        assertThat(rewritten.failure().index()).isEqualTo(2);
        assertThat(cutBack.failure()).isNotNull();
        assertThat(cutBack.failure().reason()).isEqualTo(Reason.ANCHOR_MISMATCH);
    }

    @Test
    void keepsOneUnbrokenChainWhenManyThreadsAppend() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<AuditEntry>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Actor actor = Actor.staff("staff-" + t, "SAFP");
                String objectId = "OBJ-" + t;
                Callable<List<AuditEntry>> task = () -> {
                    start.await();
                    List<AuditEntry> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(trail.append(actor, "object.touched", "object", objectId, Map.of("i", i)));
                    }
                    return mine;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Long> indexes = new ArrayList<>();
            for (Future<List<AuditEntry>> result : results) {
                result.get(2, TimeUnit.MINUTES).forEach(entry -> indexes.add(entry.index()));
            }

            int total = threads * perThread;
            assertThat(indexes).hasSize(total).doesNotHaveDuplicates();
            assertThat(store.head().index()).isEqualTo(total);
            assertThat(readAll()).hasSize(total);
            for (int t = 0; t < threads; t++) {
                assertThat(trail.entriesFor("object", "OBJ-" + t, 0, 1000)).hasSize(perThread);
            }
            AuditVerification result = trail.verify();
            assertThat(result.ok()).as("%s", result.failure()).isTrue();
            assertThat(result.entriesChecked()).isEqualTo(total);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Appends {@code count} entries by {@link #REVIEWER}, one second apart.
     *
     * @param count how many
     * @return the appended entries
     */
    protected List<AuditEntry> appendSome(int count) {
        List<AuditEntry> appended = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            appended.add(trail.append(REVIEWER, "application.reviewed", "application", "APP-" + i, Map.of("seq", i)));
            clock.advance(Duration.ofSeconds(1));
        }
        return appended;
    }

    private List<AuditEntry> readAll() {
        List<AuditEntry> all = new ArrayList<>();
        long from = 1;
        while (true) {
            List<AuditEntry> page = store.entries(from, AuditTrail.MAX_PAGE_SIZE);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            from = page.get(page.size() - 1).index() + 1;
        }
    }

    private void assertBrokenAt(long index, Reason reason) {
        AuditVerification result = trail.verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.failure()).isNotNull();
        assertThat(result.failure().reason()).as("%s", result.failure()).isEqualTo(reason);
        assertThat(result.failure().index()).as("%s", result.failure()).isEqualTo(index);
        assertThat(result.entriesChecked()).isEqualTo(index - 1);
    }
}
