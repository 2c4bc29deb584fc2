package io.gcam.core.spi;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link IdempotencyStore} keeps for one idempotency key of one actor.
 *
 * @param scope whose key this is: {@code <actor kind>:<actor subject id>}, e.g. {@code APPLICANT:u-42}
 * @param key the idempotency key chosen by the client
 * @param fingerprint SHA-256 (hex) identifying the request the key was first used with
 * @param status whether the operation is still running or has completed
 * @param result the stored result once {@link Status#COMPLETED}; {@code null} while in flight
 * @param owner a random token naming the execution that holds the key; only it may complete or
 *     release the record
 * @param createdAt when the key was claimed
 * @param lockedUntil while in flight: when the owner is presumed dead and another request may take
 *     the key over
 * @param expiresAt when the record is forgotten and the key may be used again
 */
public record IdempotencyRecord(String scope, String key, String fingerprint, Status status,
        @Nullable String result, String owner, Instant createdAt, Instant lockedUntil, Instant expiresAt) {

    /** Checks that every field but the result is present. */
    public IdempotencyRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The life cycle of a record. */
    public enum Status {
        /** The operation is running (or its owner died before finishing). */
        IN_FLIGHT,
        /** The operation finished; {@link #result()} holds what it returned. */
        COMPLETED
    }

    /**
     * Whether this record still holds its key at {@code now}: it has not expired and is either
     * completed or in flight within its lock timeout. A record that is not live may be replaced by a
     * new claim.
     *
     * @param now the current time
     * @return whether the record blocks a new claim of its key
     */
    public boolean isLive(Instant now) {
        return now.isBefore(expiresAt) && (status == Status.COMPLETED || now.isBefore(lockedUntil));
    }
}
