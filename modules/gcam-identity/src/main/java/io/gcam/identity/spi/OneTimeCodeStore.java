package io.gcam.identity.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps issued one-time codes. The attempt limit is enforced here, atomically: however many
 * instances verify one challenge at once, {@link #tryTakeAttempt} returns {@code true} at most
 * {@code maxAttempts} times for it, and {@link #markUsed} returns {@code true} at most once.
 * The compatibility kit is {@code io.gcam.testkit.identity.OneTimeCodeStoreCompatibilityKit}.
 */
public interface OneTimeCodeStore {

    /**
     * Stores a newly issued code.
     *
     * @param code the code record, with zero attempts and not used
     * @throws io.gcam.core.GcamException {@code CONFLICT} when the challenge id exists
     */
    void insert(StoredCode code);

    /**
     * @param challengeId the challenge
     * @return the record, empty when unknown
     */
    Optional<StoredCode> find(String challengeId);

    /**
     * Counts one verification attempt if the code is unused, not expired at {@code now} and has had
     * fewer than {@code maxAttempts} attempts.
     *
     * @param challengeId the challenge
     * @param maxAttempts the attempt limit
     * @param now the current instant
     * @return {@code true} when the attempt was counted and may be compared
     */
    boolean tryTakeAttempt(String challengeId, int maxAttempts, Instant now);

    /**
     * Marks the code used if it is not yet.
     *
     * @param challengeId the challenge
     * @param now the current instant
     * @return {@code true} for the one call that marked it
     */
    boolean markUsed(String challengeId, Instant now);

    /**
     * Records that a code is being issued to a destination, unless one was recorded for it less than
     * {@code resendInterval} before {@code now}. Atomic: however many instances issue codes to one
     * destination at once, at most one call per interval returns {@code true}. The record is part
     * of the caller's transaction, if any: a rolled-back issue leaves the previous record.
     *
     * @param destinationKey hash of a destination
     * @param now the instant of the issue
     * @param resendInterval the minimum time between two recorded issues, zero or more
     * @return {@code true} when the issue was recorded and the code may be sent; {@code false} when
     *     another issue for the destination was recorded within the interval
     */
    boolean tryRecordIssue(String destinationKey, Instant now, Duration resendInterval);

    /**
     * @param destinationKey hash of a destination
     * @return when the latest code for that destination was issued, empty when never
     */
    Optional<Instant> lastIssuedAt(String destinationKey);

    /**
     * Deletes codes that expired before {@code before}.
     *
     * @param before the cut-off
     * @return how many were deleted
     */
    int purgeExpired(Instant before);
}
