package io.gcam.notification;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and when to try again after a transient failure: exponential backoff with jitter.
 * Attempt {@code n} (1-based) that failed is followed, after
 * {@code min(maxDelay, initialDelay * 2^(n-1))} randomized by ±{@code jitter}, by attempt
 * {@code n+1}; after {@code maxAttempts} failed attempts the notification becomes
 * {@link NotificationStatus#TECHNICAL_FAILURE}.
 *
 * @param maxAttempts attempts in all, 1 or more
 * @param initialDelay delay after the first failure
 * @param maxDelay the longest delay
 * @param jitter fraction of the delay to randomize, 0 to 1
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {

    /** Five attempts, 30 seconds doubling to at most one hour, ±20 %. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofHours(1), 0.2);

    /** Checks the settings. */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0
                || !(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("retry policy needs maxAttempts >= 1, 0 <= initialDelay <= maxDelay"
                    + " and 0 <= jitter <= 1");
        }
    }

    /**
     * @param failedAttempt the attempt that just failed, 1-based
     * @param random randomness for the jitter
     * @return the delay before the next attempt
     */
    public Duration delayAfter(int failedAttempt, RandomGenerator random) {
        long base = initialDelay.toMillis();
        int shift = Math.min(Math.max(failedAttempt - 1, 0), 40);
        long max = maxDelay.toMillis();
        long delay = base == 0 ? 0 : (base > (max >> shift) ? max : Math.min(max, base << shift));
        double factor = 1 + jitter * (random.nextDouble() * 2 - 1);
        return Duration.ofMillis(Math.max(0, Math.round(delay * factor)));
    }
}
