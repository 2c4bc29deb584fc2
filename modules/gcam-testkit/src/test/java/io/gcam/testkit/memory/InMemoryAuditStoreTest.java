package io.gcam.testkit.memory;

import io.gcam.core.AuditEntry;
import io.gcam.core.spi.AuditStore;
import io.gcam.testkit.core.AuditStoreCompatibilityKit;

class InMemoryAuditStoreTest extends AuditStoreCompatibilityKit {

    private InMemoryAuditStore store;

    @Override
    protected AuditStore createStore() {
        store = new InMemoryAuditStore();
        return store;
    }

    @Override
    protected void overwriteEntry(AuditEntry forged) {
        store.overwriteEntry(forged);
    }

    @Override
    protected void deleteEntry(long index) {
        store.deleteEntry(index);
    }

    @Override
    protected void swapEntries(long first, long second) {
        store.swapEntries(first, second);
    }
}
