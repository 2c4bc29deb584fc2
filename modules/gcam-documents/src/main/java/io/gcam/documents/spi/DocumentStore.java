package io.gcam.documents.spi;

import io.gcam.documents.Document;
import io.gcam.documents.OwnerRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores document metadata. Implementations that use a database join the caller's transaction.
 * Failures are reported as {@link io.gcam.core.GcamException} with {@code STORAGE_FAILURE}.
 */
public interface DocumentStore {

    /**
     * Adds a document unless its owner already has {@code maxCount} documents of its type. The
     * count and the insert are atomic with respect to every other {@code insert} into the same
     * store, including inserts from other application instances sharing the database: however
     * many uploads race, an owner never ends up with more than {@code maxCount} documents of a type.
     *
     * @param document the document
     * @param maxCount most documents of {@code document.type()} its owner may have, at least 1
     * @throws io.gcam.documents.DocumentRejectedException {@code DOCUMENT_TOO_MANY} when the owner
     *     already has {@code maxCount} documents of that type; nothing is stored
     * @throws io.gcam.core.GcamException {@code CONFLICT} when the id exists, or when the owner
     *     already has a document with the same SHA-256 and type
     */
    void insert(Document document, int maxCount);

    /**
     * @param id a document id
     * @return the document, if stored
     */
    Optional<Document> find(String id);

    /**
     * @param owner the owner
     * @param type the document type
     * @param sha256 lower-case hex SHA-256 of the content
     * @return the owner's document of that type with that content, if any
     */
    Optional<Document> findByContent(OwnerRef owner, String type, String sha256);

    /**
     * @param owner the owner
     * @return the owner's documents, oldest first
     */
    List<Document> listByOwner(OwnerRef owner);

    /**
     * @param now the current time
     * @param limit most documents to return
     * @return documents whose retention date is before {@code now}, earliest first
     */
    List<Document> findExpired(Instant now, int limit);

    /**
     * @param id a document id
     * @return whether a document was deleted
     */
    boolean delete(String id);
}
