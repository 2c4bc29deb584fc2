package io.gcam.registration;

import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.util.Objects;

/**
 * What an admission slip shows for a confirmed registration.
 *
 * @param registrationId the registration
 * @param candidateNumber the candidate number
 * @param activityTitle the activity's title
 * @param venue where the session takes place
 * @param startsAt when it starts
 * @param endsAt when it ends
 */
public record AdmissionSlip(RegistrationId registrationId, String candidateNumber, LocalizedText activityTitle,
        LocalizedText venue, Instant startsAt, Instant endsAt) {

    /** Checks that no component is {@code null}. */
    public AdmissionSlip {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(candidateNumber, "candidateNumber");
        Objects.requireNonNull(activityTitle, "activityTitle");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
    }
}
