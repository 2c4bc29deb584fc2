package io.gcam.appointment;

/** Where an appointment is in its life. */
public enum AppointmentStatus {
    /** Reserved for a short time; becomes {@link #EXPIRED} unless confirmed in time. Takes a place. */
    HELD,
    /** Booked. Takes a place. */
    CONFIRMED,
    /** The applicant checked in at the service point and holds a queue ticket. Final for booking. */
    CHECKED_IN,
    /** The applicant did not come. Final. */
    NO_SHOW,
    /** Cancelled by the applicant or staff; the place is free again. Final. */
    CANCELLED,
    /** A hold that was not confirmed in time; the place is free again. Final. */
    EXPIRED;

    /** @return whether the appointment is still to happen (held or confirmed) */
    public boolean isActive() {
        return this == HELD || this == CONFIRMED;
    }

    /** @return whether the appointment counts against its slot's capacity */
    public boolean takesPlace() {
        return this != CANCELLED && this != EXPIRED;
    }
}
