package io.gcam.testkit.memory;

import io.gcam.core.spi.IdempotencyStore;
import io.gcam.testkit.core.IdempotencyStoreCompatibilityKit;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreCompatibilityKit {

    @Override
    protected IdempotencyStore createStore() {
        return new InMemoryIdempotencyStore();
    }
}
