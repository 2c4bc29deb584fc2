package io.gcam.testkit.workflow;

import io.gcam.workflow.spi.ApplicationStore;

class InMemoryApplicationStoreTest extends ApplicationStoreCompatibilityKit {

    @Override
    protected ApplicationStore createStore() {
        return new InMemoryApplicationStore();
    }
}
