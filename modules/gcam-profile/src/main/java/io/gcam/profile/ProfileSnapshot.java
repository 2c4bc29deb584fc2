package io.gcam.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * A frozen copy of a profile, attached to one application when it was submitted. Later edits of
 * the profile do not change it; the agency handling the application reads it without further
 * consent, and it is kept until {@link #retainUntil()} even if the applicant erases the profile.
 * {@link #toString()} masks the personal data.
 *
 * @param id the snapshot's id
 * @param profileId the profile it was taken from
 * @param profileVersion the profile version it copies
 * @param applicationRef the application's id or reference number
 * @param agency the agency the application was submitted to
 * @param data the frozen data
 * @param takenAt when it was taken
 * @param retainUntil the end of its retention period
 */
public record ProfileSnapshot(
        SnapshotId id,
        ProfileId profileId,
        long profileVersion,
        String applicationRef,
        String agency,
        ProfileData data,
        Instant takenAt,
        Instant retainUntil) {

    /** Checks that every part is present. */
    public ProfileSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(applicationRef, "applicationRef");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(retainUntil, "retainUntil");
    }
}
