package io.gcam.testkit.notification;

import io.gcam.notification.spi.InboxStore;

class InMemoryInboxStoreTest extends InboxStoreCompatibilityKit {

    @Override
    protected InboxStore createStore() {
        return new InMemoryInboxStore();
    }
}
