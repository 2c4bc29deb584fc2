package io.gcam.testkit.notification;

import io.gcam.notification.spi.OutboxStore;

class InMemoryOutboxStoreTest extends OutboxStoreCompatibilityKit {

    @Override
    protected OutboxStore createStore() {
        return new InMemoryOutboxStore();
    }
}
