package io.gcam.testkit.identity;

import io.gcam.identity.spi.UsedTimeStepStore;
import java.util.HashMap;
import java.util.Map;

/** A {@link UsedTimeStepStore} in memory, for tests and single-instance demos. Thread-safe. */
public final class InMemoryUsedTimeStepStore implements UsedTimeStepStore {

    private final Map<String, Long> lastStep = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryUsedTimeStepStore() {
    }

    @Override
    public synchronized boolean markUsed(String subjectId, long step) {
        Long last = lastStep.get(subjectId);
        if (last != null && last >= step) {
            return false;
        }
        lastStep.put(subjectId, step);
        return true;
    }
}
