package io.gcam.profile.spi;

import io.gcam.profile.Consent;
import io.gcam.profile.ConsentId;
import io.gcam.profile.ProfileId;
import io.gcam.profile.ProfileVersion;
import io.gcam.profile.SnapshotId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps profiles, their history, consents and snapshots. Personal data reaches the store only as
 * ciphertext. The guarantees the service relies on:
 * <ul>
 *   <li>at most one profile per subject id and per identity-document token;</li>
 *   <li>{@link #update} is a compare-and-set on the version: of concurrent updates from the same
 *       version (on any number of instances) exactly one succeeds, and each stored version has
 *       exactly one history entry, written atomically with it;</li>
 *   <li>at most one snapshot per application (agency and application reference).</li>
 * </ul>
 * A store joins the caller's transaction where it has one. The compatibility kit is
 * {@code io.gcam.testkit.profile.ProfileStoreCompatibilityKit}.
 */
public interface ProfileStore {

    /**
     * Stores a new profile (version 1) and its first history entry.
     *
     * @param profile the profile
     * @param created its history entry
     * @throws io.gcam.core.ConflictException {@code CONFLICT} when the id, the subject id or the
     *     document token is already stored; nothing is stored then
     */
    void insert(StoredProfile profile, ProfileVersion created);

    /**
     * @param id a profile id
     * @return the profile, empty when unknown
     */
    Optional<StoredProfile> find(ProfileId id);

    /**
     * @param subjectId an owner's subject id
     * @return the owner's profile, empty when none
     */
    Optional<StoredProfile> findBySubject(String subjectId);

    /**
     * @param documentIndex a blind-index token of an identity document
     * @return the id of the profile holding that document, empty when none
     */
    Optional<ProfileId> findIdByDocumentIndex(String documentIndex);

    /**
     * Replaces the profile with {@code next} if the stored version is {@code next.version() - 1},
     * and appends {@code change}; both or neither.
     *
     * @param next the new state, with the next version number
     * @param change its history entry, with the same version number
     * @return {@code true} when stored; {@code false} when the stored version is not the expected
     *     one (a stale update) or the profile is unknown
     * @throws io.gcam.core.ConflictException {@code CONFLICT} when another profile holds the subject
     *     id or document token
     */
    boolean update(StoredProfile next, ProfileVersion change);

    /**
     * @param id a profile id
     * @return its history, oldest first
     */
    List<ProfileVersion> history(ProfileId id);

    /**
     * @param consent a new consent
     * @throws io.gcam.core.ConflictException {@code CONFLICT} when the id exists
     */
    void insertConsent(Consent consent);

    /**
     * Marks a consent withdrawn if it is not yet.
     *
     * @param id the consent
     * @param at when
     * @return {@code true} for the one call that withdrew it
     */
    boolean withdrawConsent(ConsentId id, Instant at);

    /**
     * @param profileId a profile id
     * @return its consents, withdrawn ones included, oldest first
     */
    List<Consent> consents(ProfileId profileId);

    /**
     * @param snapshot a new snapshot
     * @throws io.gcam.core.ConflictException {@code CONFLICT} when the id exists or the application
     *     (agency and reference) already has a snapshot
     */
    void insertSnapshot(StoredSnapshot snapshot);

    /**
     * @param id a snapshot id
     * @return the snapshot, empty when unknown
     */
    Optional<StoredSnapshot> findSnapshot(SnapshotId id);

    /**
     * @param profileId a profile id
     * @return its snapshots, oldest first
     */
    List<StoredSnapshot> snapshots(ProfileId profileId);

    /**
     * Deletes one snapshot.
     *
     * @param id the snapshot
     * @return whether it existed
     */
    boolean deleteSnapshot(SnapshotId id);

    /**
     * Deletes every snapshot whose retention ended before {@code now}.
     *
     * @param now the cut-off
     * @return how many were deleted
     */
    int purgeSnapshotsRetainedBefore(Instant now);
}
