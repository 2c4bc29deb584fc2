package io.gcam.registration;

/** The life cycle of an activity. Only {@link #OPEN} activities take registrations. */
public enum ActivityStatus {
    /** Being prepared by the agency; not visible to applicants. */
    DRAFT,
    /** Published; takes registrations while its registration window is open. */
    OPEN,
    /** Published, but takes no more registrations; existing ones stay. May be opened again. */
    CLOSED,
    /** Called off. Final; its registrations were cancelled with it, and it takes no more. */
    CANCELLED
}
