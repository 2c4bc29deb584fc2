package io.gcam.testkit.profile;

import io.gcam.core.ConflictException;
import io.gcam.profile.Consent;
import io.gcam.profile.ConsentId;
import io.gcam.profile.ProfileId;
import io.gcam.profile.ProfileVersion;
import io.gcam.profile.SnapshotId;
import io.gcam.profile.spi.ProfileStore;
import io.gcam.profile.spi.StoredProfile;
import io.gcam.profile.spi.StoredSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProfileStore} in memory, for tests and single-instance demos. Thread-safe; every
 * operation is atomic. It holds what the service gives it: ciphertext, never plaintext.
 */
public final class InMemoryProfileStore implements ProfileStore {

    private final Map<ProfileId, StoredProfile> profiles = new LinkedHashMap<>();
    private final Map<ProfileId, List<ProfileVersion>> history = new LinkedHashMap<>();
    private final Map<ConsentId, Consent> consents = new LinkedHashMap<>();
    private final Map<SnapshotId, StoredSnapshot> snapshots = new LinkedHashMap<>();

    /** Creates an empty store. */
    public InMemoryProfileStore() {
    }

    @Override
    public synchronized void insert(StoredProfile profile, ProfileVersion created) {
        if (profiles.containsKey(profile.id()) || holder(profile.subjectId(), profile.documentIndex(), null)) {
            throw new ConflictException("profile " + profile.id());
        }
        profiles.put(profile.id(), profile);
        history.computeIfAbsent(profile.id(), k -> new ArrayList<>()).add(created);
    }

    @Override
    public synchronized Optional<StoredProfile> find(ProfileId id) {
        return Optional.ofNullable(profiles.get(id));
    }

    @Override
    public synchronized Optional<StoredProfile> findBySubject(String subjectId) {
        return profiles.values().stream().filter(p -> p.subjectId().equals(subjectId)).findFirst();
    }

    @Override
    public synchronized Optional<ProfileId> findIdByDocumentIndex(String documentIndex) {
        return profiles.values().stream().filter(p -> documentIndex.equals(p.documentIndex()))
                .map(StoredProfile::id).findFirst();
    }

    @Override
    public synchronized boolean update(StoredProfile next, ProfileVersion change) {
        if (change.version() != next.version() || !change.profileId().equals(next.id())) {
            throw new IllegalArgumentException("the history entry must name the new version of the same profile");
        }
        StoredProfile current = profiles.get(next.id());
        if (current == null || current.version() != next.version() - 1) {
            return false;
        }
        if (holder(next.subjectId(), next.documentIndex(), next.id())) {
            throw new ConflictException("profile " + next.id());
        }
        profiles.put(next.id(), next);
        history.computeIfAbsent(next.id(), k -> new ArrayList<>()).add(change);
        return true;
    }

    @Override
    public synchronized List<ProfileVersion> history(ProfileId id) {
        return List.copyOf(history.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized void insertConsent(Consent consent) {
        if (consents.putIfAbsent(consent.id(), consent) != null) {
            throw new ConflictException("consent " + consent.id());
        }
    }

    @Override
    public synchronized boolean withdrawConsent(ConsentId id, Instant at) {
        Consent c = consents.get(id);
        if (c == null || c.withdrawnAt() != null) {
            return false;
        }
        consents.put(id, new Consent(c.id(), c.profileId(), c.purpose(), c.agency(), c.grantedAt(), at));
        return true;
    }

    @Override
    public synchronized List<Consent> consents(ProfileId profileId) {
        return consents.values().stream().filter(c -> c.profileId().equals(profileId))
                .sorted(Comparator.comparing(Consent::grantedAt).thenComparing(c -> c.id().value())).toList();
    }

    @Override
    public synchronized void insertSnapshot(StoredSnapshot snapshot) {
        boolean applicationTaken = snapshots.values().stream().anyMatch(s -> s.agency().equals(snapshot.agency())
                && s.applicationRef().equals(snapshot.applicationRef()));
        if (applicationTaken || snapshots.containsKey(snapshot.id())) {
            throw new ConflictException("snapshot for application " + snapshot.applicationRef());
        }
        snapshots.put(snapshot.id(), snapshot);
    }

    @Override
    public synchronized Optional<StoredSnapshot> findSnapshot(SnapshotId id) {
        return Optional.ofNullable(snapshots.get(id));
    }

    @Override
    public synchronized List<StoredSnapshot> snapshots(ProfileId profileId) {
        return snapshots.values().stream().filter(s -> s.profileId().equals(profileId))
                .sorted(Comparator.comparing(StoredSnapshot::takenAt).thenComparing(s -> s.id().value())).toList();
    }

    @Override
    public synchronized boolean deleteSnapshot(SnapshotId id) {
        return snapshots.remove(id) != null;
    }

    @Override
    public synchronized int purgeSnapshotsRetainedBefore(Instant now) {
        int before = snapshots.size();
        snapshots.values().removeIf(s -> s.retainUntil().isBefore(now));
        return before - snapshots.size();
    }

    private boolean holder(String subjectId, @Nullable String documentIndex, @Nullable ProfileId except) {
        for (StoredProfile p : profiles.values()) {
            if (p.id().equals(except)) {
                continue;
            }
            if (p.subjectId().equals(subjectId) || (documentIndex != null && Objects.equals(documentIndex,
                    p.documentIndex()))) {
                return true;
            }
        }
        return false;
    }
}
