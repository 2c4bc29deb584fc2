package io.gcam.testkit.crypto;

import io.gcam.core.spi.KeyProvider;
import io.gcam.testkit.memory.InMemoryKeyProvider;

class InMemoryKeyProviderCompatibilityTest extends KeyProviderCompatibilityKit {

    @Override
    protected KeyProvider createKeyProvider() {
        InMemoryKeyProvider keys = InMemoryKeyProvider.create();
        keys.rotate();
        return keys;
    }
}
