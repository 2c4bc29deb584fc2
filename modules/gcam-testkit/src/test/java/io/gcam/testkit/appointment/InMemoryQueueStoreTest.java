package io.gcam.testkit.appointment;

import io.gcam.appointment.spi.QueueStore;

class InMemoryQueueStoreTest extends QueueStoreCompatibilityKit {

    @Override
    protected QueueStore createStore() {
        return new InMemoryQueueStore();
    }
}
