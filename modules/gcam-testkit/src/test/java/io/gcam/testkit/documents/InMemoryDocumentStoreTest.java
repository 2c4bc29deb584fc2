package io.gcam.testkit.documents;

import io.gcam.documents.spi.DocumentStore;

class InMemoryDocumentStoreTest extends DocumentStoreCompatibilityKit {

    @Override
    protected DocumentStore createStore() {
        return new InMemoryDocumentStore();
    }
}
