package io.gcam.identity;

/** The residency status of a person in the jurisdiction of the agency, as verified. */
public enum ResidencyStatus {
    /** Permanent resident. */
    PERMANENT_RESIDENT,
    /** Resident without the right of abode (non-permanent resident). */
    NON_PERMANENT_RESIDENT,
    /** Not a resident. */
    NON_RESIDENT
}
