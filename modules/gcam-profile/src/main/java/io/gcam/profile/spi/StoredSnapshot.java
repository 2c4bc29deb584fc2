package io.gcam.profile.spi;

import io.gcam.profile.ProfileId;
import io.gcam.profile.SnapshotId;
import java.time.Instant;
import java.util.Objects;

/**
 * A frozen profile copy as a {@link ProfileStore} keeps it: the data only as ciphertext, bound to
 * the snapshot's id.
 *
 * @param id the snapshot's id
 * @param profileId the profile it was taken from
 * @param profileVersion the copied version
 * @param applicationRef the application's id or reference number
 * @param agency the agency the application went to
 * @param encryptedData the ciphertext of the data
 * @param takenAt when it was taken
 * @param retainUntil the end of its retention period
 */
public record StoredSnapshot(
        SnapshotId id,
        ProfileId profileId,
        long profileVersion,
        String applicationRef,
        String agency,
        String encryptedData,
        Instant takenAt,
        Instant retainUntil) {

    /** Checks that every part is present. */
    public StoredSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(applicationRef, "applicationRef");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(encryptedData, "encryptedData");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(retainUntil, "retainUntil");
    }

    /** @return the record without the ciphertext */
    @Override
    public String toString() {
        return "StoredSnapshot[id=" + id + ", profileId=" + profileId + ", profileVersion=" + profileVersion
                + ", agency=" + agency + ", takenAt=" + takenAt + ", retainUntil=" + retainUntil + "]";
    }
}
