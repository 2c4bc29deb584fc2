package io.gcam.notification.spi;

import io.gcam.notification.Notification;
import io.gcam.notification.NotificationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The transactional outbox of notifications. Implementations must guarantee:
 *
 * <ul>
 *   <li>{@link #insert} joins the caller's transaction when there is one (a rollback leaves no
 *       notification behind);</li>
 *   <li>{@link #claim} never hands the same notification to two callers while its lease runs, also
 *       across application instances sharing the store;</li>
 *   <li>{@link #complete} only applies to the claim it names (status {@code SENDING} and the same
 *       attempt number), so a worker whose lease ran out cannot overwrite a newer outcome.</li>
 * </ul>
 */
public interface OutboxStore {

    /**
     * Stores a new notification.
     *
     * @param notification the notification, status {@code CREATED}
     */
    void insert(Notification notification);

    /**
     * Claims due notifications: status {@code CREATED} or {@code TEMPORARY_FAILURE} with
     * {@code nextAttemptAt <= now}, or {@code SENDING} whose lease ended. Each claimed one becomes
     * {@code SENDING}, its attempts go up by one, and it is leased until {@code leaseUntil}.
     *
     * @param now the current time
     * @param leaseUntil end of the lease
     * @param limit at most this many
     * @return the claimed notifications, as updated
     */
    List<Notification> claim(Instant now, Instant leaseUntil, int limit);

    /**
     * Records the outcome of a claimed attempt.
     *
     * @param id the notification id
     * @param attempt the attempt number the claim returned
     * @param status the new status
     * @param nextAttemptAt when to try again (for {@code TEMPORARY_FAILURE}); else any time
     * @param error the error of a failed attempt, or null
     * @param now the current time
     * @return true when applied; false when the claim is no longer the current one
     */
    boolean complete(String id, int attempt, NotificationStatus status, Instant nextAttemptAt,
            @Nullable String error, Instant now);

    /**
     * Gives a claim back without counting it as an attempt (a rate limit or quiet hours held the
     * notification back): status {@code CREATED}, attempts down by one, due at {@code nextAttemptAt}.
     *
     * @param id the notification id
     * @param attempt the attempt number the claim returned
     * @param nextAttemptAt when to try again
     * @param now the current time
     * @return true when applied; false when the claim is no longer the current one
     */
    boolean release(String id, int attempt, Instant nextAttemptAt, Instant now);

    /**
     * Puts a failed notification back to {@code CREATED} with no attempts, due at {@code now}.
     *
     * @param id the notification id
     * @param now the current time
     * @return true when it was in a retryable status and was requeued
     */
    boolean requeue(String id, Instant now);

    /**
     * @param id the notification id
     * @return the notification, or empty
     */
    Optional<Notification> find(String id);

    /**
     * @param reference the caller's reference
     * @param limit at most this many, oldest first
     * @return the notifications with that reference
     */
    List<Notification> findByReference(String reference, int limit);
}
