package io.gcam.testkit.crypto;

import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.spi.KeyProvider;
import java.security.SecureRandom;
import java.util.Base64;

class ConfiguredKeyProviderCompatibilityTest extends KeyProviderCompatibilityKit {

    @Override
    protected KeyProvider createKeyProvider() {
        SecureRandom random = new SecureRandom();
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        random.nextBytes(a);
        random.nextBytes(b);
        return ConfiguredKeyProvider.parse("2026a",
                "2025a:" + Base64.getEncoder().encodeToString(a) + ",2026a:" + Base64.getEncoder().encodeToString(b));
    }
}
