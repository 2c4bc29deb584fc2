package io.gcam.testkit.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.GcamException;
import io.gcam.identity.AssuranceLevel;
import io.gcam.profile.Consent;
import io.gcam.profile.ConsentId;
import io.gcam.profile.ProfileField;
import io.gcam.profile.ProfileId;
import io.gcam.profile.ProfileStatus;
import io.gcam.profile.ProfileVersion;
import io.gcam.profile.SnapshotId;
import io.gcam.profile.spi.ProfileStore;
import io.gcam.profile.spi.StoredProfile;
import io.gcam.profile.spi.StoredSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ProfileStore}, as tests. Extend it and implement {@link #createStore()}.
 * Every test uses ids, subjects and tokens of its own, so the backend may be shared between tests.
 */
public abstract class ProfileStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private ProfileStore store;
    private String prefix;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected ProfileStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store, possibly on a backend shared with other tests
     */
    protected abstract ProfileStore createStore();

    @BeforeEach
    void createStoreAndPrefix() {
        store = createStore();
        prefix = UUID.randomUUID().toString().substring(0, 8);
    }

    private static ProfileId newProfileId() {
        return new ProfileId(UUID.randomUUID().toString());
    }

    private StoredProfile profile(ProfileId id, String subject, @Nullable String token, long version) {
        return new StoredProfile(id, prefix + subject, "ciphertext-v" + version, token == null ? null : prefix + token,
                Set.of(ProfileField.FAMILY_NAME), AssuranceLevel.SUBSTANTIAL, version, ProfileStatus.ACTIVE, T0,
                T0.plusSeconds(version));
    }

    private static ProfileVersion change(ProfileId id, long version, ProfileField... fields) {
        return new ProfileVersion(id, version, version == 1 ? "created" : "updated", Set.of(fields), "APPLICANT",
                "owner", T0.plusSeconds(version));
    }

    private static void assertConflict(Runnable action) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT"));
    }

    @Test
    void findsAnInsertedProfileByIdSubjectAndDocumentToken() {
        ProfileId id = newProfileId();
        StoredProfile stored = profile(id, "ana", "tok-1", 1);
        store.insert(stored, change(id, 1, ProfileField.FAMILY_NAME));

        assertThat(store.find(id)).contains(stored);
        assertThat(store.findBySubject(prefix + "ana")).contains(stored);
        assertThat(store.findIdByDocumentIndex(prefix + "tok-1")).contains(id);
        assertThat(store.history(id)).containsExactly(change(id, 1, ProfileField.FAMILY_NAME));
        assertThat(store.find(newProfileId())).isEmpty();
        assertThat(store.findBySubject(prefix + "nobody")).isEmpty();
        assertThat(store.findIdByDocumentIndex(prefix + "tok-unknown")).isEmpty();
    }

    @Test
    void allowsOneProfilePerSubjectAndPerDocumentToken() {
        ProfileId first = newProfileId();
        store.insert(profile(first, "ana", "tok-1", 1), change(first, 1));
        ProfileId sameSubject = newProfileId();
        ProfileId sameDocument = newProfileId();

        assertConflict(() -> store.insert(profile(sameSubject, "ana", "tok-2", 1), change(sameSubject, 1)));
        assertConflict(() -> store.insert(profile(sameDocument, "bob", "tok-1", 1), change(sameDocument, 1)));
        assertThat(store.find(sameSubject)).isEmpty();
        assertThat(store.find(sameDocument)).isEmpty();
        assertThat(store.history(sameSubject)).isEmpty();

        ProfileId noDocument1 = newProfileId();
        ProfileId noDocument2 = newProfileId();
        store.insert(profile(noDocument1, "carl", null, 1), change(noDocument1, 1));
        store.insert(profile(noDocument2, "dora", null, 1), change(noDocument2, 1));
        assertThat(store.find(noDocument2)).isPresent();
    }

    @Test
    void updatesOnlyFromTheExpectedVersionAndAppendsOneHistoryEntry() {
        ProfileId id = newProfileId();
        store.insert(profile(id, "ana", "tok-1", 1), change(id, 1));
        StoredProfile v2 = profile(id, "ana", "tok-2", 2);

        assertThat(store.update(v2, change(id, 2, ProfileField.EMAIL))).isTrue();
        assertThat(store.update(profile(id, "ana", "tok-3", 2), change(id, 2, ProfileField.PHONE))).isFalse();
        assertThat(store.update(profile(id, "ana", "tok-4", 4), change(id, 4, ProfileField.PHONE))).isFalse();

        assertThat(store.find(id)).contains(v2);
        assertThat(store.findIdByDocumentIndex(prefix + "tok-2")).contains(id);
        assertThat(store.findIdByDocumentIndex(prefix + "tok-1")).isEmpty();
        assertThat(store.history(id)).extracting(ProfileVersion::version).containsExactly(1L, 2L);
        assertThat(store.history(id).get(1).changedFields()).containsExactly(ProfileField.EMAIL);
        ProfileId unknown = newProfileId();
        assertThat(store.update(profile(unknown, "zed", null, 2), change(unknown, 2))).isFalse();
    }

    @Test
    void refusesAnUpdateToADocumentTokenAnotherProfileHolds() {
        ProfileId ana = newProfileId();
        ProfileId bob = newProfileId();
        store.insert(profile(ana, "ana", "tok-a", 1), change(ana, 1));
        store.insert(profile(bob, "bob", "tok-b", 1), change(bob, 1));

        assertConflict(() -> store.update(profile(bob, "bob", "tok-a", 2), change(bob, 2)));
        assertThat(store.find(bob).orElseThrow().version()).isEqualTo(1);
        assertThat(store.history(bob)).hasSize(1);
    }

    @Test
    void ofRacingUpdatesFromOneVersionExactlyOneWins() throws Exception {
        ProfileId id = newProfileId();
        store.insert(profile(id, "ana", null, 1), change(id, 1));
        int threads = 8;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    barrier.await(1, TimeUnit.MINUTES);
                    return store.update(profile(id, "ana", null, 2), change(id, 2, ProfileField.EMAIL));
                }));
            }
            int won = 0;
            for (Future<Boolean> f : futures) {
                won += f.get(2, TimeUnit.MINUTES) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(store.history(id)).hasSize(2);
            assertThat(store.find(id).orElseThrow().version()).isEqualTo(2);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void keepsConsentsAndWithdrawsEachOnce() {
        ProfileId id = newProfileId();
        store.insert(profile(id, "ana", null, 1), change(id, 1));
        Consent first = new Consent(new ConsentId(UUID.randomUUID().toString()), id, "recruitment", "DSAJ", T0, null);
        Consent second = new Consent(new ConsentId(UUID.randomUUID().toString()), id, "survey", "DSEC",
                T0.plusSeconds(5), null);
        store.insertConsent(second);
        store.insertConsent(first);
        assertConflict(() -> store.insertConsent(first));

        assertThat(store.withdrawConsent(first.id(), T0.plusSeconds(60))).isTrue();
        assertThat(store.withdrawConsent(first.id(), T0.plusSeconds(90))).isFalse();
        assertThat(store.withdrawConsent(new ConsentId(UUID.randomUUID().toString()), T0)).isFalse();

        List<Consent> consents = store.consents(id);
        assertThat(consents).extracting(Consent::id).containsExactly(first.id(), second.id());
        assertThat(consents.get(0).withdrawnAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(consents.get(1).withdrawnAt()).isNull();
        assertThat(store.consents(newProfileId())).isEmpty();
    }

    @Test
    void keepsOneSnapshotPerApplicationAndPurgesThemAfterRetention() {
        ProfileId id = newProfileId();
        store.insert(profile(id, "ana", null, 1), change(id, 1));
        StoredSnapshot kept = snapshot(id, "APP-1", T0.plus(Duration.ofDays(3650)));
        StoredSnapshot expiring = snapshot(id, "APP-2", T0.plus(Duration.ofDays(1)));
        store.insertSnapshot(kept);
        store.insertSnapshot(expiring);
        assertConflict(() -> store.insertSnapshot(snapshot(id, "APP-1", T0.plus(Duration.ofDays(5)))));

        assertThat(store.findSnapshot(kept.id())).contains(kept);
        assertThat(store.snapshots(id)).containsExactlyInAnyOrder(kept, expiring);

        assertThat(store.purgeSnapshotsRetainedBefore(T0.plus(Duration.ofDays(2)))).isGreaterThanOrEqualTo(1);
        assertThat(store.findSnapshot(expiring.id())).isEmpty();
        assertThat(store.findSnapshot(kept.id())).isPresent();
        assertThat(store.deleteSnapshot(kept.id())).isTrue();
        assertThat(store.deleteSnapshot(kept.id())).isFalse();
        assertThat(store.snapshots(id)).isEmpty();
    }

    private StoredSnapshot snapshot(ProfileId id, String application, Instant retainUntil) {
        return new StoredSnapshot(new SnapshotId(UUID.randomUUID().toString()), id, 1, prefix + application, "DSAJ",
                "ciphertext", T0, retainUntil);
    }
}
