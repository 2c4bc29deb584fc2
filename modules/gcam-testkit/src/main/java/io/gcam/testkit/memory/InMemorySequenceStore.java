package io.gcam.testkit.memory;

import io.gcam.core.spi.SequenceStore;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SequenceStore} in memory: thread-safe, without gaps, and forgotten when the JVM stops.
 * For tests and single-instance demos only; application instances sharing a database need
 * {@code io.gcam.core.jdbc.JdbcSequenceStore}. It never joins a transaction, so a number taken in a
 * transaction that rolls back stays taken.
 */
public final class InMemorySequenceStore implements SequenceStore {

    private final Map<String, AtomicLong> series = new ConcurrentHashMap<>();

    /** Creates an empty store: every series starts at 1. */
    public InMemorySequenceStore() {
    }

    @Override
    public long next(String series) {
        SequenceStore.requireValidSeries(series);
        return this.series.computeIfAbsent(series, s -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public OptionalLong current(String series) {
        SequenceStore.requireValidSeries(series);
        AtomicLong value = this.series.get(series);
        long last = value == null ? 0 : value.get();
        return last == 0 ? OptionalLong.empty() : OptionalLong.of(last); // 0: created, not yet incremented
    }
}
