package io.gcam.appointment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One bookable slot of a service and how full it is.
 *
 * @param serviceId the service
 * @param start when it begins
 * @param end when it ends
 * @param localStart the start in the service point's zone, as shown to people
 * @param capacity how many appointments it takes
 * @param taken how many places are booked or held (unexpired holds only)
 */
public record Slot(BookableServiceId serviceId, Instant start, Instant end, LocalDateTime localStart, int capacity,
        int taken) {

    /** Checks that nothing is missing. */
    public Slot {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(localStart, "localStart");
    }

    /** @return the places still free, never negative */
    public int free() {
        return Math.max(0, capacity - taken);
    }

    /** @return whether at least one place is free */
    public boolean available() {
        return free() > 0;
    }
}
