package io.gcam.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.spi.SequenceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SequenceStore}, as tests. Extend it and implement {@link #createStore()}:
 *
 * <pre>{@code
 * class MySequenceStoreTest extends SequenceStoreCompatibilityKit {
 *     @Override
 *     protected SequenceStore createStore() {
 *         return new MySequenceStore(dataSource);
 *     }
 * }
 * }</pre>
 *
 * <p>Every test uses series names of its own (a random prefix), so the store may be backed by a
 * database shared between tests. The concurrency tests run {@link #threads()} threads in this JVM;
 * the guarantees across application instances need a test of their own against the real backend
 * (see gcam-testkit's PostgreSQL tests of {@code JdbcSequenceStore}).
 */
public abstract class SequenceStoreCompatibilityKit {

    private SequenceStore store;
    private String prefix;
    private ExecutorService executor;

    /** Creates the kit; the store comes from {@link #createStore()} before each test. */
    protected SequenceStoreCompatibilityKit() {
    }

    /**
     * Supplies the store under test; called before each test.
     *
     * @return a store, possibly on a backend shared with other tests
     */
    protected abstract SequenceStore createStore();

    /**
     * The number of threads the concurrency tests race. Default 8; a store with a smaller
     * connection pool may lower it (but not below 2).
     *
     * @return the number of threads
     */
    protected int threads() {
        return 8;
    }

    @BeforeEach
    void createStoreAndPrefix() {
        store = createStore();
        prefix = "kit-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        executor = Executors.newFixedThreadPool(threads());
    }

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    /** The store under test in the current test. */
    protected SequenceStore store() {
        return store;
    }

    @Test
    void startsEverySeriesAtOne() {
        assertThat(store.next(prefix + "a")).isEqualTo(1);
        assertThat(store.next(prefix + "b")).isEqualTo(1);
    }

    @Test
    void countsUpByOneWithinASeries() {
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            numbers.add(store.next(prefix + "application/2026"));
        }

        assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
    }

    @Test
    void keepsSeriesIndependent() {
        String a = prefix + "application/2025";
        String b = prefix + "application/2026";

        assertThat(List.of(store.next(a), store.next(a), store.next(b), store.next(a), store.next(b)))
                .containsExactly(1L, 2L, 1L, 3L, 2L);
    }

    @Test
    void comparesSeriesNamesExactly() {
        store.next(prefix + "Receipt");
        store.next(prefix + "Receipt");

        assertThat(store.next(prefix + "receipt")).as("case-sensitive").isEqualTo(1);
        assertThat(store.next(prefix + "Receipt/2026")).as("a longer name is another series").isEqualTo(1);
        assertThat(store.next(prefix + "Receip")).as("a shorter name is another series").isEqualTo(1);
        assertThat(store.next(prefix + "Receipt")).isEqualTo(3);
    }

    @Test
    void reportsTheLastNumberWithoutTakingOne() {
        String series = prefix + "application";
        assertThat(store.current(series)).isEmpty();

        store.next(series);
        store.next(series);
        store.next(series);

        assertThat(store.current(series)).hasValue(3);
        assertThat(store.current(series)).hasValue(3);
        assertThat(store.next(series)).isEqualTo(4);
        assertThat(store.current(prefix + "other")).isEmpty();
    }

    @Test
    void acceptsSeriesNamesOfTheMaximumLength() {
        String longest = (prefix + "x".repeat(SequenceStore.MAX_SERIES_LENGTH)).substring(0, SequenceStore.MAX_SERIES_LENGTH);
        String almost = longest.substring(0, SequenceStore.MAX_SERIES_LENGTH - 1);

        assertThat(store.next(longest)).isEqualTo(1);
        assertThat(store.next(almost)).isEqualTo(1);
        assertThat(store.next(longest)).isEqualTo(2);
        assertThat(store.current(longest)).hasValue(2);
    }

    @Test
    void rejectsBlankAndOverlongSeriesNames() {
        String tooLong = prefix + "x".repeat(SequenceStore.MAX_SERIES_LENGTH);
        for (String bad : List.of("", "   ", tooLong)) {
            assertThatThrownBy(() -> store.next(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.current(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void givesRacingThreadsDistinctNumbersWithoutGaps() throws Exception {
        String series = prefix + "raced";
        int perThread = 100;
        Set<Long> numbers = ConcurrentHashMap.newKeySet();
        CyclicBarrier start = new CyclicBarrier(threads());
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads(); t++) {
            results.add(executor.submit(() -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(store.next(series));
                }
                return mine;
            }));
        }
        int total = 0;
        for (Future<List<Long>> result : results) {
            List<Long> mine = result.get(5, TimeUnit.MINUTES); // guards against a hang, not a speed test
            assertThat(mine).as("each thread sees its own numbers increase").isSorted().doesNotHaveDuplicates();
            numbers.addAll(mine);
            total += mine.size();
        }

        int expected = threads() * perThread;
        assertThat(total).isEqualTo(expected);
        assertThat(numbers).as("no number twice, no gap")
                .isEqualTo(LongStream.rangeClosed(1, expected).boxed().collect(Collectors.toSet()));
        assertThat(store.current(series)).hasValue(expected);
    }

    @Test
    void givesDistinctNumbersWhenThreadsStartTheSameSeriesAtOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            String series = prefix + "new-" + round;
            CyclicBarrier start = new CyclicBarrier(threads());
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads(); t++) {
                results.add(executor.submit(() -> {
                    start.await();
                    return store.next(series);
                }));
            }
            Set<Long> numbers = ConcurrentHashMap.newKeySet();
            for (Future<Long> result : results) {
                numbers.add(result.get(5, TimeUnit.MINUTES));
            }

            assertThat(numbers).as("round %d", round)
                    .isEqualTo(LongStream.rangeClosed(1, threads()).boxed().collect(Collectors.toSet()));
        }
    }
}
