package io.gcam.testkit.identity;

import io.gcam.identity.spi.OneTimeCodeStore;

class InMemoryOneTimeCodeStoreTest extends OneTimeCodeStoreCompatibilityKit {
    @Override
    protected OneTimeCodeStore createStore() {
        return new InMemoryOneTimeCodeStore();
    }
}
