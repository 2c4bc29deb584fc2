package io.gcam.testkit.profile;

import io.gcam.profile.spi.ProfileStore;

class InMemoryProfileStoreTest extends ProfileStoreCompatibilityKit {

    private final InMemoryProfileStore store = new InMemoryProfileStore();

    @Override
    protected ProfileStore createStore() {
        return store;
    }
}
