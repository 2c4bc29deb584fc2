package io.gcam.registration.spi;

import io.gcam.registration.ActivityId;
import io.gcam.registration.ActivityStatus;
import java.util.Objects;

/**
 * The current state of one session as a registration attempt sees it before it takes a seat: what
 * {@link RegistrationStore#seatOutlook} answers. It is a snapshot: the seat counters may change the
 * moment after it is read, so it only decides what can be refused early; {@link RegistrationStore#register}
 * decides the rest.
 *
 * @param activityId the activity the session belongs to
 * @param activityStatus the activity's current status
 * @param capacity the session's seats
 * @param taken its seats taken by confirmed registrations
 * @param waitlisted its waitlisted registrations
 * @param applicantActive whether the applicant holds an active (confirmed or waitlisted) registration
 *     in the activity, in any of its sessions
 */
public record SeatOutlook(ActivityId activityId, ActivityStatus activityStatus, int capacity, int taken,
        int waitlisted, boolean applicantActive) {

    /** Checks the components. */
    public SeatOutlook {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(activityStatus, "activityStatus");
        if (capacity < 0 || taken < 0 || waitlisted < 0) {
            throw new IllegalArgumentException("capacity, taken and waitlisted must not be negative");
        }
    }

    /** @return whether a seat was free when the outlook was read */
    public boolean seatFree() {
        return taken < capacity;
    }
}
