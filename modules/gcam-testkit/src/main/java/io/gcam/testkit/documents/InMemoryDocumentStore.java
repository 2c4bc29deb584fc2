package io.gcam.testkit.documents;

import io.gcam.core.ConflictException;
import io.gcam.documents.Document;
import io.gcam.documents.DocumentErrorCode;
import io.gcam.documents.DocumentRejectedException;
import io.gcam.documents.OwnerRef;
import io.gcam.documents.spi.DocumentStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@link DocumentStore} in memory: thread-safe, takes part in no transaction. */
public final class InMemoryDocumentStore implements DocumentStore {

    private static final Comparator<Document> CREATED = Comparator.comparing(Document::createdAt)
            .thenComparing(Document::id);
    private final Map<String, Document> documents = new LinkedHashMap<>();

    /** Creates an empty store. */
    public InMemoryDocumentStore() {
    }

    @Override
    public synchronized void insert(Document document, int maxCount) {
        Objects.requireNonNull(document, "document");
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be at least 1");
        }
        boolean clash = documents.containsKey(document.id()) || documents.values().stream().anyMatch(d ->
                d.blobKey().equals(document.blobKey()) || (d.owner().equals(document.owner())
                        && d.type().equals(document.type()) && d.sha256().equals(document.sha256())));
        if (clash) {
            throw new ConflictException("document " + document.id());
        }
        long present = documents.values().stream()
                .filter(d -> d.owner().equals(document.owner()) && d.type().equals(document.type())).count();
        if (present >= maxCount) {
            throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_TOO_MANY, maxCount, document.type());
        }
        documents.put(document.id(), document);
    }

    @Override
    public synchronized Optional<Document> find(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    @Override
    public synchronized Optional<Document> findByContent(OwnerRef owner, String type, String sha256) {
        return documents.values().stream()
                .filter(d -> d.owner().equals(owner) && d.type().equals(type) && d.sha256().equals(sha256))
                .min(CREATED);
    }

    @Override
    public synchronized List<Document> listByOwner(OwnerRef owner) {
        return documents.values().stream().filter(d -> d.owner().equals(owner)).sorted(CREATED).toList();
    }

    @Override
    public synchronized List<Document> findExpired(Instant now, int limit) {
        return documents.values().stream().filter(d -> d.retainUntil().isBefore(now))
                .sorted(Comparator.comparing(Document::retainUntil).thenComparing(Document::id))
                .limit(Math.max(1, limit)).toList();
    }

    @Override
    public synchronized boolean delete(String id) {
        return documents.remove(id) != null;
    }
}
