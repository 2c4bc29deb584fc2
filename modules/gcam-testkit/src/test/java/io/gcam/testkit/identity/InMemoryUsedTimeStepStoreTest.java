package io.gcam.testkit.identity;

import io.gcam.identity.spi.UsedTimeStepStore;

class InMemoryUsedTimeStepStoreTest extends UsedTimeStepStoreCompatibilityKit {
    @Override
    protected UsedTimeStepStore createStore() {
        return new InMemoryUsedTimeStepStore();
    }
}
