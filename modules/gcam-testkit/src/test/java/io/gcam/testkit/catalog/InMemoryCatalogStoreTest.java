package io.gcam.testkit.catalog;

import io.gcam.catalog.spi.CatalogStore;

class InMemoryCatalogStoreTest extends CatalogStoreCompatibilityKit {

    @Override
    protected CatalogStore createStore() {
        return new InMemoryCatalogStore();
    }
}
