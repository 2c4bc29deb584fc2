package io.gcam.appointment;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A booked (or held) appointment.
 *
 * @param id its identifier
 * @param serviceId the service
 * @param servicePointId where it takes place
 * @param agency the agency of the service point
 * @param applicantId the applicant's subject id; {@code null} for a walk-in booked by staff for
 *     someone without an account
 * @param start when it begins
 * @param end when it ends
 * @param status where it is in its life
 * @param holdExpiresAt while {@link AppointmentStatus#HELD}: when the hold lapses; otherwise {@code null}
 * @param walkIn whether staff booked it for a walk-in
 * @param manageCodeDigest SHA-256 (hex) of the manage code; the code itself is never stored
 * @param sequence how often it was changed since booking (the iCalendar {@code SEQUENCE})
 * @param createdAt when it was reserved
 * @param updatedAt when it last changed
 */
public record Appointment(AppointmentId id, BookableServiceId serviceId, ServicePointId servicePointId, String agency,
        @Nullable String applicantId, Instant start, Instant end, AppointmentStatus status,
        @Nullable Instant holdExpiresAt, boolean walkIn, String manageCodeDigest, int sequence, Instant createdAt,
        Instant updatedAt) {

    /** Checks that nothing required is missing. */
    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(servicePointId, "servicePointId");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(manageCodeDigest, "manageCodeDigest");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * @param now the current time
     * @return whether this is a hold that has lapsed (whether or not the store has marked it yet)
     */
    public boolean holdLapsedAt(Instant now) {
        return status == AppointmentStatus.HELD && holdExpiresAt != null && !holdExpiresAt.isAfter(now);
    }
}
