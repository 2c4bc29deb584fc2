package io.gcam.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.workflow.spi.InquiryLimitStore;
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
 * The contract of gcam-workflow's {@link InquiryLimitStore}, as tests. Extend it and implement
 * {@link #createStore()}:
 *
 * <pre>{@code
 * class MyInquiryLimitStoreTest extends InquiryLimitStoreCompatibilityKit {
 *     @Override
 *     protected InquiryLimitStore createStore() {
 *         return new MyInquiryLimitStore(redis);
 *     }
 * }
 * }</pre>
 *
 * <p>Every test uses keys of its own, so the store may be backed by a database shared between
 * tests. The concurrency test races threads in this JVM; the guarantee across application
 * instances needs a test against the real backend with two connection pools (see gcam-workflow's
 * {@code StatusInquiriesPostgresTest}).
 */
public abstract class InquiryLimitStoreCompatibilityKit {

    private static final Instant T0 = Instant.parse("2026-09-29T02:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private InquiryLimitStore store;
    private String prefix;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected InquiryLimitStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store, possibly on a backend shared with other tests
     */
    protected abstract InquiryLimitStore createStore();

    @BeforeEach
    void createStoreAndPrefix() {
        store = createStore();
        prefix = UUID.randomUUID().toString().substring(0, 8);
    }

    private String key(String name) {
        return prefix + "-" + name;
    }

    @Test
    void grantsUpToTheLimitInOneWindowAndThenRefuses() {
        for (int i = 0; i < 3; i++) {
            assertThat(store.tryAcquire(key("a"), 3, T0.plusSeconds(i), WINDOW)).as("attempt %d", i + 1).isTrue();
        }
        assertThat(store.tryAcquire(key("a"), 3, T0.plusSeconds(10), WINDOW)).isFalse();
        assertThat(store.tryAcquire(key("a"), 3, T0.plus(WINDOW).minusSeconds(1), WINDOW)).isFalse();
    }

    @Test
    void countsEveryKeyOnItsOwn() {
        assertThat(store.tryAcquire(key("a"), 1, T0, WINDOW)).isTrue();
        assertThat(store.tryAcquire(key("a"), 1, T0, WINDOW)).isFalse();
        assertThat(store.tryAcquire(key("b"), 1, T0, WINDOW)).isTrue();
    }

    @Test
    void startsAFreshWindowOnceTheWindowHasPassed() {
        assertThat(store.tryAcquire(key("a"), 2, T0, WINDOW)).isTrue();
        assertThat(store.tryAcquire(key("a"), 2, T0.plusSeconds(60), WINDOW)).isTrue();
        assertThat(store.tryAcquire(key("a"), 2, T0.plusSeconds(120), WINDOW)).isFalse();
        Instant later = T0.plus(WINDOW);
        assertThat(store.tryAcquire(key("a"), 2, later, WINDOW)).isTrue();
        assertThat(store.tryAcquire(key("a"), 2, later.plusSeconds(1), WINDOW)).isTrue();
        assertThat(store.tryAcquire(key("a"), 2, later.plusSeconds(2), WINDOW)).isFalse();
    }

    @Test
    void givesAReleasedAttemptBack() {
        assertThat(store.tryAcquire(key("a"), 1, T0, WINDOW)).isTrue();
        store.release(key("a"));
        assertThat(store.tryAcquire(key("a"), 1, T0.plusSeconds(1), WINDOW)).isTrue();
        assertThat(store.tryAcquire(key("a"), 1, T0.plusSeconds(2), WINDOW)).isFalse();
        store.release(key("unknown"));
        assertThat(store.tryAcquire(key("unknown"), 1, T0, WINDOW)).isTrue();
    }

    @Test
    void releasingMoreThanWasTakenGrantsNoMoreThanTheLimit() {
        assertThat(store.tryAcquire(key("a"), 2, T0, WINDOW)).isTrue();
        store.release(key("a"));
        store.release(key("a"));
        store.release(key("a"));
        assertThat(store.tryAcquire(key("a"), 2, T0.plusSeconds(1), WINDOW)).isTrue();
        assertThat(store.tryAcquire(key("a"), 2, T0.plusSeconds(2), WINDOW)).isTrue();
        assertThat(store.tryAcquire(key("a"), 2, T0.plusSeconds(3), WINDOW)).isFalse();
    }

    @Test
    void purgesWindowsThatStartedBeforeTheCutoff() {
        assertThat(store.tryAcquire(key("old"), 1, T0, WINDOW)).isTrue();
        assertThat(store.tryAcquire(key("new"), 1, T0.plus(WINDOW), WINDOW)).isTrue();
        assertThat(store.purgeStartedBefore(T0.plusSeconds(1))).isGreaterThanOrEqualTo(1);
        assertThat(store.tryAcquire(key("new"), 1, T0.plus(WINDOW).plusSeconds(1), WINDOW)).isFalse();
        assertThat(store.tryAcquire(key("old"), 1, T0.plusSeconds(2), WINDOW)).isTrue();
    }

    @Test
    void grantsExactlyTheLimitToConcurrentCallers() throws Exception {
        int threads = 16;
        int limit = 5;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                String key = key("race" + round);
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(executor.submit(() -> {
                        start.await();
                        return store.tryAcquire(key, limit, T0, WINDOW);
                    }));
                }
                int granted = 0;
                for (Future<Boolean> result : results) {
                    if (result.get(1, TimeUnit.MINUTES)) {
                        granted++;
                    }
                }
                assertThat(granted).as("round %d", round).isEqualTo(limit);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
