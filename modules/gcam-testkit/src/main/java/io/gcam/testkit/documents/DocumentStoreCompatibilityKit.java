package io.gcam.testkit.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.GcamException;
import io.gcam.documents.Document;
import io.gcam.documents.DocumentErrorCode;
import io.gcam.documents.DocumentRejectedException;
import io.gcam.documents.OwnerRef;
import io.gcam.documents.spi.DocumentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DocumentStore}, as tests. Extend it and implement {@link #createStore()}.
 * Every test uses owners of its own, so the store may be backed by a database shared between tests.
 */
public abstract class DocumentStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");
    private static final int MANY = 100;
    private DocumentStore store;
    private OwnerRef owner;

    /** Creates the kit. */
    protected DocumentStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test. A JDBC store needs the
     * {@code documents} migrations applied.
     *
     * @return a store
     */
    protected abstract DocumentStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
        owner = owner();
    }

    private static OwnerRef owner() {
        return new OwnerRef("SAFP", "recruitment", "REC-" + UUID.randomUUID(), "applicant-" + UUID.randomUUID());
    }

    private static Document document(OwnerRef owner, String type, String sha256, Instant createdAt, Instant retainUntil) {
        return new Document(UUID.randomUUID().toString(), owner, type, "application/pdf", 1234, sha256,
                "履歷 CV (final).pdf", UUID.randomUUID().toString(), createdAt, retainUntil);
    }

    private static String sha(char c) {
        return String.valueOf(c).repeat(64);
    }

    /** Every field comes back as stored, including non-ASCII file names and microsecond instants. */
    @Test
    public void findsWhatWasInserted() {
        Document d = document(owner, "cv", sha('a'), T0, T0.plusSeconds(86_400 * 365L));
        store.insert(d, MANY);

        assertThat(store.find(d.id())).contains(d);
        assertThat(store.find(UUID.randomUUID().toString())).isEmpty();
    }

    /** An applicant id of 255 characters with an identity provider's punctuation is stored and found. */
    @Test
    public void storesAnApplicantIdOf255Characters() {
        String subject = ("auth0|" + UUID.randomUUID() + "+").repeat(10).substring(0, 255);
        OwnerRef longOwner = new OwnerRef("SAFP", "recruitment", "REC-" + UUID.randomUUID(), subject);
        Document d = document(longOwner, "cv", sha('9'), T0, T0.plusSeconds(999_999));
        store.insert(d, 1);

        assertThat(store.find(d.id())).contains(d);
        assertThat(store.listByOwner(longOwner)).containsExactly(d);
    }

    /** The owner's documents come back oldest first, and no one else's. */
    @Test
    public void listsTheOwnersDocumentsOldestFirst() {
        Document second = document(owner, "cv", sha('b'), T0.plusSeconds(10), T0.plusSeconds(999_999));
        Document first = document(owner, "diploma", sha('c'), T0, T0.plusSeconds(999_999));
        store.insert(second, MANY);
        store.insert(first, MANY);
        store.insert(document(owner(), "cv", sha('b'), T0, T0.plusSeconds(999_999)), MANY);

        assertThat(store.listByOwner(owner)).containsExactly(first, second);
    }

    /** Content lookup is per owner and document type. */
    @Test
    public void findsContentOfTheSameOwnerAndTypeOnly() {
        Document d = document(owner, "cv", sha('d'), T0, T0.plusSeconds(999_999));
        store.insert(d, MANY);

        assertThat(store.findByContent(owner, "cv", sha('d'))).contains(d);
        assertThat(store.findByContent(owner, "cv", sha('e'))).isEmpty();
        assertThat(store.findByContent(owner, "diploma", sha('d'))).isEmpty();
        assertThat(store.findByContent(owner(), "cv", sha('d'))).isEmpty();
    }

    /** A second row with the same id, or the same owner, type and content, is refused; another type is fine. */
    @Test
    public void refusesDuplicates() {
        Document d = document(owner, "cv", sha('f'), T0, T0.plusSeconds(999_999));
        store.insert(d, MANY);

        assertThatThrownBy(() -> store.insert(new Document(d.id(), owner, "diploma", d.mediaType(), 1, sha('0'),
                "x.pdf", UUID.randomUUID().toString(), T0, T0), MANY)).isInstanceOf(GcamException.class);
        assertThatThrownBy(() -> store.insert(document(owner, "cv", sha('f'), T0, T0), MANY))
                .isInstanceOf(GcamException.class);
        assertThat(store.listByOwner(owner)).containsExactly(d);
        Document sameContentOtherType = document(owner, "diploma", sha('f'), T0.plusSeconds(1), T0);
        store.insert(sameContentOtherType, MANY);
        assertThat(store.listByOwner(owner)).containsExactly(d, sameContentOtherType);
    }

    /** Only documents past their retention date are returned, earliest first, up to the limit. */
    @Test
    public void findsExpiredDocumentsEarliestFirst() {
        Instant now = Instant.parse("2001-01-01T00:00:00Z");
        Document late = document(owner, "cv", sha('1'), T0, now.minusSeconds(10));
        Document early = document(owner, "diploma", sha('2'), T0, now.minusSeconds(20));
        Document kept = document(owner, "photo", sha('3'), T0, now.plusSeconds(1));
        store.insert(late, MANY);
        store.insert(early, MANY);
        store.insert(kept, MANY);

        List<Document> expired = store.findExpired(now, 100).stream().filter(d -> d.owner().equals(owner)).toList();
        assertThat(expired).containsExactly(early, late);
        assertThat(store.findExpired(now, 1)).hasSize(1);
    }

    /** Delete removes the row once. */
    @Test
    public void deletesOnce() {
        Document d = document(owner, "cv", sha('9'), T0, T0);
        store.insert(d, MANY);

        assertThat(store.delete(d.id())).isTrue();
        assertThat(store.find(d.id())).isEmpty();
        assertThat(store.delete(d.id())).isFalse();
    }

    /** The most documents per owner and type holds; other types and owners are counted apart; a delete frees a place. */
    @Test
    public void refusesAnInsertPastTheMaximumOfItsType() {
        Document first = document(owner, "cv", sha('4'), T0, T0);
        Document second = document(owner, "cv", sha('5'), T0.plusSeconds(1), T0);
        store.insert(first, 2);
        store.insert(second, 2);

        assertThatThrownBy(() -> store.insert(document(owner, "cv", sha('6'), T0, T0), 2))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(DocumentErrorCode.DOCUMENT_TOO_MANY));
        assertThat(store.listByOwner(owner)).containsExactly(first, second);
        store.insert(document(owner, "diploma", sha('6'), T0, T0), 1);
        store.insert(document(owner(), "cv", sha('6'), T0, T0), 1);
        assertThat(store.delete(first.id())).isTrue();
        store.insert(document(owner, "cv", sha('6'), T0, T0), 2);
        assertThat(store.listByOwner(owner).stream().filter(d -> d.type().equals("cv"))).hasSize(2);
    }

    /** Inserts of different content racing for the last places of one owner and type: exactly the maximum is stored. */
    @Test
    public void storesNoMoreThanTheMaximumWhenInsertsRace() throws Exception {
        int threads = 12;
        int max = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Document d = document(owner, "photo", String.format("%064x", i), T0.plusSeconds(i), T0);
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        store.insert(d, max);
                        return true;
                    } catch (DocumentRejectedException e) {
                        assertThat(e.errorCode()).isEqualTo(DocumentErrorCode.DOCUMENT_TOO_MANY);
                        return false;
                    }
                }));
            }
            int stored = 0;
            for (Future<Boolean> f : results) {
                stored += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(stored).isEqualTo(max);
            assertThat(store.listByOwner(owner)).hasSize(max);
        } finally {
            pool.shutdownNow();
        }
    }
}
