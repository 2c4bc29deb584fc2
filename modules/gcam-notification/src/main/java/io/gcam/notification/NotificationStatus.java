package io.gcam.notification;

import java.util.Locale;

/**
 * Where a notification is in its life. Modelled on GOV.UK Notify:
 * {@code created → sending → delivered / permanent-failure / temporary-failure / technical-failure}.
 *
 * <p>{@link #TEMPORARY_FAILURE} means the last attempt failed for a reason that may pass (a
 * connection error, an SMTP 4xx reply) and another attempt is scheduled; once the attempts run out
 * the notification becomes {@link #TECHNICAL_FAILURE}. Staff may retry a technical or permanent
 * failure.
 */
public enum NotificationStatus {
    /** Stored in the outbox, waiting for a worker. */
    CREATED,
    /** Claimed by a worker that is handing it to the channel. */
    SENDING,
    /** Accepted by the channel (for email: by the SMTP server). Final. */
    DELIVERED,
    /** Refused for good (SMTP 5xx, bad address). Final unless staff retry it. */
    PERMANENT_FAILURE,
    /** The last attempt failed for a passing reason; another attempt is scheduled. */
    TEMPORARY_FAILURE,
    /** Every attempt failed; left for staff to retry (dead letter). */
    TECHNICAL_FAILURE;

    /**
     * The status as written in APIs and events.
     *
     * @return e.g. {@code permanent-failure}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Whether a worker will still act on the notification.
     *
     * @return true for {@link #CREATED}, {@link #SENDING} and {@link #TEMPORARY_FAILURE}
     */
    public boolean isPending() {
        return this == CREATED || this == SENDING || this == TEMPORARY_FAILURE;
    }

    /**
     * Whether staff may send the notification again.
     *
     * @return true for {@link #TECHNICAL_FAILURE} and {@link #PERMANENT_FAILURE}
     */
    public boolean isRetryable() {
        return this == TECHNICAL_FAILURE || this == PERMANENT_FAILURE;
    }
}
