package io.gcam.appointment.spi;

import io.gcam.appointment.Appointment;
import java.util.Objects;

/**
 * A request to the store to take one place in a slot for a new appointment.
 *
 * @param appointment the appointment to insert (status {@code HELD} or {@code CONFIRMED})
 * @param capacity the slot's capacity, used when the store meets the slot for the first time
 */
public record Booking(Appointment appointment, int capacity) {

    /** Checks the request. */
    public Booking {
        Objects.requireNonNull(appointment, "appointment");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        if (!appointment.status().isActive()) {
            throw new IllegalArgumentException("a booking is held or confirmed");
        }
    }
}
