package io.gcam.profile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ProfileService#erase} did.
 *
 * @param profileId the erased profile
 * @param erasedAt when
 * @param consentsWithdrawn how many consents in force were withdrawn
 * @param snapshotsDeleted snapshots past their retention, deleted
 * @param snapshotsRetained snapshots still under retention, kept until their {@code retainUntil}
 */
public record ErasureReport(
        ProfileId profileId,
        Instant erasedAt,
        int consentsWithdrawn,
        int snapshotsDeleted,
        List<RetainedSnapshot> snapshotsRetained) {

    /** Checks the parts and copies the list. */
    public ErasureReport {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(erasedAt, "erasedAt");
        snapshotsRetained = List.copyOf(snapshotsRetained);
    }

    /**
     * A snapshot kept because the law requires the application's records for longer.
     *
     * @param snapshotId the snapshot
     * @param applicationRef the application it belongs to
     * @param agency the agency holding the application
     * @param retainUntil when it will be deleted
     */
    public record RetainedSnapshot(SnapshotId snapshotId, String applicationRef, String agency, Instant retainUntil) {
    }
}
