package io.gcam.testkit.identity;

import io.gcam.identity.spi.VerificationStore;

class InMemoryVerificationStoreTest extends VerificationStoreCompatibilityKit {
    @Override
    protected VerificationStore createStore() {
        return new InMemoryVerificationStore();
    }
}
