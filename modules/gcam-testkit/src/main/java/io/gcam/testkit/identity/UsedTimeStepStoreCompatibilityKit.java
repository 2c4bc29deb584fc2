package io.gcam.testkit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.identity.spi.UsedTimeStepStore;
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

/** The contract of {@link UsedTimeStepStore}, as tests. Extend it and implement {@link #createStore()}. */
public abstract class UsedTimeStepStoreCompatibilityKit {

    private UsedTimeStepStore store;
    private String subject;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected UsedTimeStepStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store, possibly on a backend shared with other tests
     */
    protected abstract UsedTimeStepStore createStore();

    @BeforeEach
    void createStoreAndSubject() {
        store = createStore();
        subject = "staff-" + UUID.randomUUID();
    }

    @Test
    void acceptsAStepOnceAndNoEarlierStepAfterIt() {
        assertThat(store.markUsed(subject, 100)).isTrue();
        assertThat(store.markUsed(subject, 100)).isFalse();
        assertThat(store.markUsed(subject, 99)).isFalse();
        assertThat(store.markUsed(subject, 101)).isTrue();
    }

    @Test
    void keepsSubjectsApart() {
        assertThat(store.markUsed(subject, 100)).isTrue();
        assertThat(store.markUsed(subject + "-other", 100)).isTrue();
    }

    @Test
    void racingCallsForOneStepAcceptExactlyOne() throws Exception {
        int threads = 8;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    barrier.await(1, TimeUnit.MINUTES);
                    return store.markUsed(subject, 500);
                }));
            }
            int accepted = 0;
            for (Future<Boolean> f : futures) {
                accepted += f.get(2, TimeUnit.MINUTES) ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }
}
