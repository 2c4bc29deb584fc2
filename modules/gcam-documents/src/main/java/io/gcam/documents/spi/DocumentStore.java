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
     * Adds a document.
     *
     * @param document the document
     * @throws io.gcam.core.GcamException {@code CONFLICT} when the id exists, or when the owner
     *     already has a document with the same SHA-256 and type
     */
    void insert(Document document);

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
