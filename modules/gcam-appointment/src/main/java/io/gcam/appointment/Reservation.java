package io.gcam.appointment;

import java.util.Objects;

/**
 * A new appointment and its manage code. The code is shown to the applicant once (and can be put in
 * the confirmation); GCAM keeps only its digest.
 *
 * @param appointment the appointment
 * @param manageCode the code that lets its holder confirm, reschedule, cancel and check in without login
 */
public record Reservation(Appointment appointment, String manageCode) {

    /** Checks that nothing is missing. */
    public Reservation {
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(manageCode, "manageCode");
    }

    @Override
    public String toString() {
        return "Reservation[" + appointment.id() + " " + appointment.status() + "]";
    }
}
