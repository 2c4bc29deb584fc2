package io.gcam.identity;

import io.gcam.identity.spi.UsedTimeStepStore;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Test-local store (the module's tests cannot use gcam-testkit's fake). */
final class MemoryUsedTimeSteps implements UsedTimeStepStore {
    private final ConcurrentMap<String, Long> last = new ConcurrentHashMap<>();

    @Override
    public boolean markUsed(String subjectId, long step) {
        boolean[] recorded = {false};
        last.compute(subjectId, (k, old) -> {
            if (old == null || step > old) {
                recorded[0] = true;
                return step;
            }
            return old;
        });
        return recorded[0];
    }
}
