package io.gcam.testkit.records;

import io.gcam.records.spi.RecordStore;

class InMemoryRecordStoreTest extends RecordStoreCompatibilityKit {

    @Override
    protected RecordStore createStore() {
        return new InMemoryRecordStore();
    }
}
