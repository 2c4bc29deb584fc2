package io.gcam.testkit.registration;

import io.gcam.registration.spi.RegistrationStore;

class InMemoryRegistrationStoreTest extends RegistrationStoreCompatibilityKit {

    @Override
    protected RegistrationStore createStore() {
        return new InMemoryRegistrationStore();
    }
}
