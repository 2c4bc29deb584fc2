package io.gcam.testkit.memory;

import io.gcam.core.spi.SequenceStore;
import io.gcam.testkit.core.SequenceStoreCompatibilityKit;

class InMemorySequenceStoreTest extends SequenceStoreCompatibilityKit {

    @Override
    protected SequenceStore createStore() {
        return new InMemorySequenceStore();
    }
}
