package io.gcam.testkit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.GcamException;
import io.gcam.identity.spi.OneTimeCodeStore;
import io.gcam.identity.spi.StoredCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OneTimeCodeStore}, as tests. Extend it and implement {@link #createStore()}.
 * Every test uses challenge ids and destination keys of its own, so the backend may be shared.
 */
public abstract class OneTimeCodeStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private OneTimeCodeStore store;
    private String prefix;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected OneTimeCodeStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store, possibly on a backend shared with other tests
     */
    protected abstract OneTimeCodeStore createStore();

    @BeforeEach
    void createStoreAndPrefix() {
        store = createStore();
        prefix = UUID.randomUUID().toString().substring(0, 8);
    }

    private StoredCode code(String id, String destination, Instant createdAt) {
        return new StoredCode(prefix + id, "subject-1", "EMAIL", prefix + destination, "s256$salt$hash", createdAt,
                createdAt.plus(Duration.ofMinutes(5)), 0, null);
    }

    @Test
    void findsWhatWasInserted() {
        StoredCode code = code("c1", "d1", T0);
        store.insert(code);
        assertThat(store.find(prefix + "c1")).contains(code);
        assertThat(store.find(prefix + "unknown")).isEmpty();
    }

    @Test
    void refusesADuplicateChallengeId() {
        store.insert(code("c1", "d1", T0));
        assertThatThrownBy(() -> store.insert(code("c1", "d2", T0)))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT"));
    }

    @Test
    void countsAttemptsUpToTheLimitOnly() {
        store.insert(code("c1", "d1", T0));
        assertThat(store.tryTakeAttempt(prefix + "c1", 2, T0)).isTrue();
        assertThat(store.tryTakeAttempt(prefix + "c1", 2, T0)).isTrue();
        assertThat(store.tryTakeAttempt(prefix + "c1", 2, T0)).isFalse();
        assertThat(store.find(prefix + "c1").orElseThrow().attempts()).isEqualTo(2);
        assertThat(store.tryTakeAttempt(prefix + "unknown", 2, T0)).isFalse();
    }

    @Test
    void takesNoAttemptOnAnExpiredOrUsedCode() {
        store.insert(code("c1", "d1", T0));
        assertThat(store.tryTakeAttempt(prefix + "c1", 5, T0.plus(Duration.ofMinutes(5)))).isFalse();
        store.insert(code("c2", "d1", T0));
        assertThat(store.markUsed(prefix + "c2", T0)).isTrue();
        assertThat(store.tryTakeAttempt(prefix + "c2", 5, T0)).isFalse();
    }

    @Test
    void marksUsedOnce() {
        store.insert(code("c1", "d1", T0));
        assertThat(store.markUsed(prefix + "c1", T0.plusSeconds(3))).isTrue();
        assertThat(store.markUsed(prefix + "c1", T0.plusSeconds(4))).isFalse();
        assertThat(store.find(prefix + "c1").orElseThrow().usedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void reportsTheLatestIssueTimePerDestination() {
        assertThat(store.lastIssuedAt(prefix + "d1")).isEmpty();
        store.insert(code("c1", "d1", T0));
        store.insert(code("c2", "d1", T0.plusSeconds(90)));
        store.insert(code("c3", "d2", T0.plusSeconds(200)));
        assertThat(store.lastIssuedAt(prefix + "d1")).contains(T0.plusSeconds(90));
    }

    @Test
    void purgesOnlyExpiredCodes() {
        store.insert(code("c1", "d1", T0));
        store.insert(code("c2", "d1", T0.plus(Duration.ofHours(1))));
        assertThat(store.purgeExpired(T0.plus(Duration.ofMinutes(6)))).isGreaterThanOrEqualTo(1);
        assertThat(store.find(prefix + "c1")).isEmpty();
        assertThat(store.find(prefix + "c2")).isPresent();
    }

    @Test
    void racingAttemptsNeverExceedTheLimit() throws Exception {
        store.insert(code("c1", "d1", T0));
        int threads = 8;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    barrier.await(1, TimeUnit.MINUTES);
                    int taken = 0;
                    for (int i = 0; i < 5; i++) {
                        if (store.tryTakeAttempt(prefix + "c1", 3, T0)) {
                            taken++;
                        }
                    }
                    return taken;
                }));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(2, TimeUnit.MINUTES);
            }
            assertThat(total).isEqualTo(3);
            assertThat(store.find(prefix + "c1").orElseThrow().attempts()).isEqualTo(3);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void recordsAnIssueOnlyOncePerResendInterval() {
        Duration interval = Duration.ofSeconds(60);
        assertThat(store.tryRecordIssue(prefix + "d1", T0, interval)).isTrue();
        assertThat(store.tryRecordIssue(prefix + "d1", T0.plusSeconds(59), interval)).isFalse();
        assertThat(store.tryRecordIssue(prefix + "d2", T0.plusSeconds(59), interval)).isTrue();
        assertThat(store.tryRecordIssue(prefix + "d1", T0.plusSeconds(60), interval)).isTrue();
        assertThat(store.tryRecordIssue(prefix + "d1", T0.plusSeconds(61), interval)).isFalse();
        assertThat(store.tryRecordIssue(prefix + "d1", T0.plusSeconds(61), Duration.ZERO)).isTrue();
    }

    @Test
    void racingIssuesToOneDestinationRecordExactlyOne() throws Exception {
        int threads = 8;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    barrier.await(1, TimeUnit.MINUTES);
                    return store.tryRecordIssue(prefix + "d1", T0, Duration.ofSeconds(60));
                }));
            }
            int recorded = 0;
            for (Future<Boolean> f : futures) {
                recorded += f.get(2, TimeUnit.MINUTES) ? 1 : 0;
            }
            assertThat(recorded).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }
}
