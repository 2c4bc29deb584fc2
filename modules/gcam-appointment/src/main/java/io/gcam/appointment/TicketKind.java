package io.gcam.appointment;

/** How a ticket came to be. */
public enum TicketKind {
    /** Taken at the kiosk or counter without an appointment. */
    WALK_IN,
    /** Issued when a booked appointment checked in. */
    BOOKED
}
