package io.gcam.records.spi;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where the bytes of record versions live: gcam-documents' blob store, an agency's document
 * management system, or anything else that keeps content by id. A record keeps only the id and the
 * SHA-256; gcam-records checks that the store reports the same SHA-256 before it accepts a version.
 */
public interface ContentStore {

    /**
     * @param contentId an id in this store
     * @return what the store knows about the content, empty when it has none with that id
     */
    Optional<ContentInfo> describe(String contentId);

    /**
     * Opens the content for reading. The caller closes the stream.
     *
     * @param contentId an id in this store
     * @return the bytes
     * @throws io.gcam.core.NotFoundException when the store has no such content
     */
    InputStream open(String contentId);

    /**
     * Removes the content, when a disposal run destroys the record that refers to it. Removing
     * content that is already gone is not an error.
     *
     * @param contentId an id in this store
     */
    void delete(String contentId);
}
