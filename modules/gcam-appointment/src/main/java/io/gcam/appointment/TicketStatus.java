package io.gcam.appointment;

/** Where a queue ticket is. */
public enum TicketStatus {
    /** In the queue. */
    WAITING,
    /** Called to a counter (shown on the display board). */
    CALLED,
    /** Called but did not come; may be recalled. */
    SKIPPED,
    /** Served at the counter. Final. */
    SERVED
}
