package io.gcam.testkit.documents;

import io.gcam.documents.spi.BlobStore;

class InMemoryBlobStoreTest extends BlobStoreCompatibilityKit {

    @Override
    protected BlobStore createStore() {
        return new InMemoryBlobStore();
    }
}
