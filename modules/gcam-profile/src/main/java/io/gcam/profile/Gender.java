package io.gcam.profile;

/** Gender as the applicant states it. */
public enum Gender {
    /** Female. */
    FEMALE,
    /** Male. */
    MALE,
    /** Another gender. */
    OTHER,
    /** The applicant prefers not to say. */
    UNDISCLOSED
}
