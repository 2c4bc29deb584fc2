package io.gcam.documents.spi;

import java.io.InputStream;
import java.util.Optional;

/**
 * Stores document content under keys the service generates (letters, digits, {@code -} and
 * {@code _}, at most 128 characters).
 *
 * <p>Implementations guarantee: {@link #put} is all or nothing (a failed or interrupted put leaves
 * no blob under the key, and never a partial one); a key is written once (a second put under the
 * same key fails and keeps the first blob); {@link #delete} is idempotent. Failures are reported as
 * {@link io.gcam.core.GcamException} with {@code STORAGE_FAILURE}.
 */
public interface BlobStore {

    /**
     * Stores the whole stream under the key; reads the stream to its end but does not close it.
     *
     * @param key the blob key
     * @param content the content
     * @return the number of content bytes stored
     * @throws io.gcam.core.GcamException {@code CONFLICT} when the key exists, {@code STORAGE_FAILURE}
     *     when storing fails; either way nothing is left under the key (or the earlier blob stays)
     */
    long put(String key, InputStream content);

    /**
     * Stores a complete local file under the key, with the guarantees of {@link #put}. The file
     * belongs to the store afterwards: it may be moved into place instead of copied (so it must not
     * be used again by the caller), or left where it is, for the caller to delete.
     *
     * <p>The default copies the file through {@link #put}; a store on the same file system can
     * rename it instead and save a copy.
     *
     * @param key the blob key
     * @param file a regular file nobody else writes to
     * @return the number of content bytes stored
     */
    default long putFile(String key, java.nio.file.Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return put(key, in);
        } catch (java.io.IOException e) {
            throw new io.gcam.core.GcamException(io.gcam.core.CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    /**
     * @param key the blob key
     * @return a stream of the content, which the caller closes; empty when there is no such blob
     */
    Optional<InputStream> get(String key);

    /**
     * @param key the blob key
     * @return whether a blob was deleted
     */
    boolean delete(String key);

    /**
     * @param key the blob key
     * @return whether a blob is stored under the key
     */
    boolean exists(String key);
}
