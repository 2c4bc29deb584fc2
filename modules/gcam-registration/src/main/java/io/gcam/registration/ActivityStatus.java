package io.gcam.registration;

/** The life cycle of an activity. Only {@link #OPEN} activities take registrations. */
public enum ActivityStatus {
    /** Being prepared by the agency; not visible to applicants. */
    DRAFT,
    /** Published; takes registrations while its registration window is open. */
    OPEN,
    /** Published, but takes no more registrations. May be opened again. */
    CLOSED,
    /** Called off. Final. */
    CANCELLED
}
