package io.gcam.registration;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One applicant's registration for one session of an activity.
 *
 * @param id the registration's identifier
 * @param activityId the activity
 * @param sessionId the session
 * @param applicantId subject id of the applicant (see {@link io.gcam.core.Actor#subjectId()})
 * @param status confirmed, waitlisted or cancelled
 * @param candidateNumber the candidate number, given when the registration is first confirmed and
 *     kept for ever after; {@code null} while it has never been confirmed
 * @param waitlistPosition 1 for the first in line, while {@link RegistrationStatus#WAITLISTED};
 *     otherwise {@code null}
 * @param registeredAt when the applicant registered
 * @param cancelledAt when it was cancelled, or {@code null}
 */
public record Registration(
        RegistrationId id,
        ActivityId activityId,
        SessionId sessionId,
        String applicantId,
        RegistrationStatus status,
        @Nullable String candidateNumber,
        @Nullable Integer waitlistPosition,
        Instant registeredAt,
        @Nullable Instant cancelledAt) {

    /** Checks that required components are present. */
    public Registration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
