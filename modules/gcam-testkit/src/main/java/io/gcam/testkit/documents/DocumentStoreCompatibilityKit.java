package io.gcam.testkit.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.GcamException;
import io.gcam.documents.Document;
import io.gcam.documents.OwnerRef;
import io.gcam.documents.spi.DocumentStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DocumentStore}, as tests. Extend it and implement {@link #createStore()}.
 * Every test uses owners of its own, so the store may be backed by a database shared between tests.
 */
public abstract class DocumentStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");
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
        store.insert(d);

        assertThat(store.find(d.id())).contains(d);
        assertThat(store.find(UUID.randomUUID().toString())).isEmpty();
    }

    /** The owner's documents come back oldest first, and no one else's. */
    @Test
    public void listsTheOwnersDocumentsOldestFirst() {
        Document second = document(owner, "cv", sha('b'), T0.plusSeconds(10), T0.plusSeconds(999_999));
        Document first = document(owner, "diploma", sha('c'), T0, T0.plusSeconds(999_999));
        store.insert(second);
        store.insert(first);
        store.insert(document(owner(), "cv", sha('b'), T0, T0.plusSeconds(999_999)));

        assertThat(store.listByOwner(owner)).containsExactly(first, second);
    }

    /** Content lookup is per owner and document type. */
    @Test
    public void findsContentOfTheSameOwnerAndTypeOnly() {
        Document d = document(owner, "cv", sha('d'), T0, T0.plusSeconds(999_999));
        store.insert(d);

        assertThat(store.findByContent(owner, "cv", sha('d'))).contains(d);
        assertThat(store.findByContent(owner, "cv", sha('e'))).isEmpty();
        assertThat(store.findByContent(owner, "diploma", sha('d'))).isEmpty();
        assertThat(store.findByContent(owner(), "cv", sha('d'))).isEmpty();
    }

    /** A second row with the same id, or the same owner, type and content, is refused; another type is fine. */
    @Test
    public void refusesDuplicates() {
        Document d = document(owner, "cv", sha('f'), T0, T0.plusSeconds(999_999));
        store.insert(d);

        assertThatThrownBy(() -> store.insert(new Document(d.id(), owner, "diploma", d.mediaType(), 1, sha('0'),
                "x.pdf", UUID.randomUUID().toString(), T0, T0))).isInstanceOf(GcamException.class);
        assertThatThrownBy(() -> store.insert(document(owner, "cv", sha('f'), T0, T0)))
                .isInstanceOf(GcamException.class);
        assertThat(store.listByOwner(owner)).containsExactly(d);
        Document sameContentOtherType = document(owner, "diploma", sha('f'), T0.plusSeconds(1), T0);
        store.insert(sameContentOtherType);
        assertThat(store.listByOwner(owner)).containsExactly(d, sameContentOtherType);
    }

    /** Only documents past their retention date are returned, earliest first, up to the limit. */
    @Test
    public void findsExpiredDocumentsEarliestFirst() {
        Instant now = Instant.parse("2001-01-01T00:00:00Z");
        Document late = document(owner, "cv", sha('1'), T0, now.minusSeconds(10));
        Document early = document(owner, "diploma", sha('2'), T0, now.minusSeconds(20));
        Document kept = document(owner, "photo", sha('3'), T0, now.plusSeconds(1));
        store.insert(late);
        store.insert(early);
        store.insert(kept);

        List<Document> expired = store.findExpired(now, 100).stream().filter(d -> d.owner().equals(owner)).toList();
        assertThat(expired).containsExactly(early, late);
        assertThat(store.findExpired(now, 1)).hasSize(1);
    }

    /** Delete removes the row once. */
    @Test
    public void deletesOnce() {
        Document d = document(owner, "cv", sha('9'), T0, T0);
        store.insert(d);

        assertThat(store.delete(d.id())).isTrue();
        assertThat(store.find(d.id())).isEmpty();
        assertThat(store.delete(d.id())).isFalse();
    }
}
