package io.gcam.registration;

/** What kind of activity applicants register for. */
public enum ActivityCategory {
    /** An examination, e.g. a unified recruitment exam. */
    EXAM,
    /** A course or training. */
    COURSE,
    /** An event. */
    EVENT,
    /** An information session or briefing. */
    BRIEFING,
    /** Anything else. */
    OTHER
}
