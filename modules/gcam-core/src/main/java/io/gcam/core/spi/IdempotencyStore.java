package io.gcam.core.spi;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * TEMPORARY stand-in for the idempotency store SPI being written in gcam-core; drop at merge.
 *
 * <p>Keeps one entry per (scope, key): the request fingerprint, and the stored result once the
 * operation completed.
 */
public interface IdempotencyStore {

    /**
     * A stored entry.
     *
     * @param fingerprint fingerprint of the request that claimed the key
     * @param result the stored result, or {@code null} while the operation is in flight
     * @param expiresAt when the entry may be forgotten
     */
    record Entry(String fingerprint, @Nullable String result, Instant expiresAt) {
    }

    /**
     * Claims the key for a new operation.
     *
     * @param scope whose key it is (the actor)
     * @param key the idempotency key
     * @param fingerprint the request fingerprint
     * @param now the current time; an expired entry is replaced
     * @param expiresAt when the new entry expires
     * @return empty when claimed, otherwise the existing entry
     */
    Optional<Entry> claim(String scope, String key, String fingerprint, Instant now, Instant expiresAt);

    /**
     * Stores the result of a claimed key.
     *
     * @param scope the scope
     * @param key the key
     * @param result the result to replay
     */
    void complete(String scope, String key, String result);

    /**
     * Forgets a claim whose operation failed, so that it can be retried.
     *
     * @param scope the scope
     * @param key the key
     */
    void release(String scope, String key);
}
