package io.gcam.registration;

/** Where a registration stands. */
public enum RegistrationStatus {
    /** Holds a seat; has a candidate number. */
    CONFIRMED,
    /** Waits for a seat; promoted to {@link #CONFIRMED} in order when one is freed. */
    WAITLISTED,
    /** Cancelled by the applicant, by staff, or with its activity. Final. */
    CANCELLED;

    /** @return whether the registration is confirmed or waitlisted */
    public boolean isActive() {
        return this != CANCELLED;
    }
}
