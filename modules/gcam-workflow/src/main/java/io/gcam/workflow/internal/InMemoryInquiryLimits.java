package io.gcam.workflow.internal;

import io.gcam.workflow.spi.InquiryLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Inquiry attempt windows in this JVM; at most {@value #MAX_KEYS} keys, the oldest windows go first. */
public final class InMemoryInquiryLimits implements InquiryLimitStore {

    static final int MAX_KEYS = 100_000;

    private record Window(Instant start, int attempts) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Override
    public boolean tryAcquire(String key, int limit, Instant now, Duration window) {
        Objects.requireNonNull(key, "key");
        if (windows.size() >= MAX_KEYS) {
            purgeStartedBefore(now.minus(window));
        }
        boolean[] granted = {false};
        windows.compute(key, (k, current) -> {
            if (current == null || !current.start().isAfter(now.minus(window))) {
                granted[0] = true;
                return new Window(now, 1);
            }
            if (current.attempts() < limit) {
                granted[0] = true;
                return new Window(current.start(), current.attempts() + 1);
            }
            return current;
        });
        return granted[0];
    }

    @Override
    public void release(String key) {
        windows.computeIfPresent(key, (k, current) -> current.attempts() > 0
                ? new Window(current.start(), current.attempts() - 1) : current);
    }

    @Override
    public int purgeStartedBefore(Instant cutoff) {
        int before = windows.size();
        windows.values().removeIf(w -> w.start().isBefore(cutoff));
        return Math.max(0, before - windows.size());
    }
}
