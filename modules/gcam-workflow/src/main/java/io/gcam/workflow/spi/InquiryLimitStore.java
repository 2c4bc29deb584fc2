package io.gcam.workflow.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts status inquiry attempts per key (a client or a reference number) in fixed windows, for
 * {@link io.gcam.workflow.StatusInquiries}' protection against enumeration. Keys are opaque
 * strings of at most 64 characters (the service passes SHA-256 hex digests, never the client
 * address or reference number itself).
 *
 * <p>Guarantees an implementation must give (checked by {@code InquiryLimitStoreCompatibilityKit}
 * in gcam-testkit):
 * <ul>
 *   <li>{@link #tryAcquire} is atomic: of any number of concurrent callers for one key, across
 *       threads and, for a shared backend such as {@link io.gcam.workflow.jdbc.JdbcInquiryLimitStore},
 *       across application instances, at most {@code limit} succeed in one window, minus what was
 *       not {@link #release released}.</li>
 *   <li>A window starts with the first successful acquisition after the previous window ended and
 *       lasts {@code window}; then the count starts again from zero.</li>
 * </ul>
 *
 * <p>{@link #inMemory()} keeps the counts in this JVM only: with several application instances
 * the effective limit is multiplied by their number. Use the JDBC store when instances share a
 * database.
 */
public interface InquiryLimitStore {

    /**
     * Takes one attempt for the key if the current window has attempts left.
     *
     * @param key the key, at most 64 characters
     * @param limit attempts allowed per window, 1 or more
     * @param now the current time
     * @param window the length of a window
     * @return whether the attempt was granted
     */
    boolean tryAcquire(String key, int limit, Instant now, Duration window);

    /**
     * Gives one attempt back, e.g. after a successful inquiry, so that only failures use up the
     * limit. Does nothing when the key has no attempt counted.
     *
     * @param key the key
     */
    void release(String key);

    /**
     * Forgets the windows that started before {@code cutoff}.
     *
     * @param cutoff windows that started before this instant are deleted
     * @return how many were deleted
     */
    int purgeStartedBefore(Instant cutoff);

    /**
     * @return a store that keeps its counts in this JVM (thread-safe); the default of
     *     {@link io.gcam.workflow.StatusInquiries}
     */
    static InquiryLimitStore inMemory() {
        return new io.gcam.workflow.internal.InMemoryInquiryLimits();
    }
}
