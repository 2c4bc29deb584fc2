package io.gcam.registration.spi;

import io.gcam.registration.ActivityId;
import io.gcam.registration.RegistrationId;
import io.gcam.registration.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link RegistrationStore#register} needs to take a seat (or a waitlist place) for an applicant.
 *
 * @param id the new registration's identifier
 * @param activityId the activity
 * @param sessionId the session
 * @param applicantId the applicant's subject id
 * @param at when the applicant registers
 * @param maxActivePerApplicant how many active registrations one applicant may hold in the activity, at least 1
 * @param waitlistLimit how many registrations may wait in the session; 0 when the waitlist is off
 */
public record SeatRequest(RegistrationId id, ActivityId activityId, SessionId sessionId, String applicantId,
        Instant at, int maxActivePerApplicant, int waitlistLimit) {

    /** Checks the components. */
    public SeatRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(at, "at");
        if (maxActivePerApplicant < 1 || waitlistLimit < 0) {
            throw new IllegalArgumentException("maxActivePerApplicant must be >= 1 and waitlistLimit >= 0");
        }
    }
}
