package io.gcam.core.spi;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link io.gcam.core.IdempotentExecutor} keeps idempotency keys and stored results.
 * Implementations: {@link io.gcam.core.jdbc.JdbcIdempotencyStore}, and
 * {@code io.gcam.testkit.memory.InMemoryIdempotencyStore} for tests; an agency's own store must pass
 * {@code io.gcam.testkit.core.IdempotencyStoreCompatibilityKit}.
 *
 * <p>A record is identified by {@code (scope, key)}. Guarantees an implementation must give:
 * <ul>
 *   <li>{@link #claim} is atomic across threads and application instances: of any number of
 *       concurrent claims of the same {@code (scope, key)}, at most one succeeds while a live record
 *       exists (see {@link IdempotencyRecord#isLive(Instant)}).</li>
 *   <li>{@link #complete} and {@link #release} act only for the record's current owner, so an
 *       execution whose key was taken over cannot overwrite or delete its successor's record.</li>
 * </ul>
 */
public interface IdempotencyStore {

    /**
     * Claims {@code candidate.scope()} and {@code candidate.key()} for a new execution.
     *
     * @param candidate the record to store, with status {@link IdempotencyRecord.Status#IN_FLIGHT}
     * @param now the current time, to decide whether an existing record is still live
     * @return empty when the claim succeeded: there was no record, or the existing one was not live
     *     and has been replaced by {@code candidate}; otherwise the live record that holds the key
     * @throws io.gcam.core.GcamException {@code STORAGE_FAILURE} when the storage fails
     */
    Optional<IdempotencyRecord> claim(IdempotencyRecord candidate, Instant now);

    /**
     * Stores the result of an execution and marks its record completed.
     *
     * @param scope the record's scope
     * @param key the record's key
     * @param owner the owner token given at {@link #claim}
     * @param result the result to replay, {@code null} allowed
     * @return whether the record was in flight and owned by {@code owner}; {@code false} when it was
     *     taken over (or purged) meanwhile, in which case nothing changed
     */
    boolean complete(String scope, String key, String owner, @Nullable String result);

    /**
     * Deletes an in-flight record so that the key can be used again (the operation failed).
     *
     * @param scope the record's scope
     * @param key the record's key
     * @param owner the owner token given at {@link #claim}
     * @return whether a record owned by {@code owner} and in flight was deleted
     */
    boolean release(String scope, String key, String owner);

    /**
     * @param scope a scope
     * @param key a key
     * @return the stored record, live or not
     */
    Optional<IdempotencyRecord> find(String scope, String key);

    /**
     * Deletes every record whose {@code expiresAt} is not after {@code now}.
     *
     * @param now the current time
     * @return how many records were deleted
     */
    int purgeExpired(Instant now);
}
