package io.gcam.testkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.AssociatedData;
import io.gcam.core.BlindIndex;
import io.gcam.core.FieldCipher;
import io.gcam.core.spi.KeyProvider;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link KeyProvider} must meet. An agency that plugs in its own key management
 * service or HSM extends this class in its tests:
 *
 * <pre>{@code
 * class VaultKeyProviderCompatibilityTest extends KeyProviderCompatibilityKit {
 *     @Override
 *     protected KeyProvider createKeyProvider() {
 *         return new VaultKeyProvider(testVault());
 *     }
 * }
 * }</pre>
 */
public abstract class KeyProviderCompatibilityKit {

    /** Creates the kit; each test gets its provider from {@link #createKeyProvider()}. */
    protected KeyProviderCompatibilityKit() {
    }

    /**
     * @return a provider with at least one key, whose current key id is set; a new one per call is
     *     fine but not required
     */
    protected abstract KeyProvider createKeyProvider();

    /** The current key id has the syntax stored in ciphertexts. */
    @Test
    public void currentKeyIdIsWellFormed() {
        KeyProvider keys = createKeyProvider();
        assertThat(keys.currentKeyId()).matches("[A-Za-z0-9._-]{1,32}");
    }

    /** The current key id names an available key. */
    @Test
    public void currentKeyIsAvailableByItsId() {
        KeyProvider keys = createKeyProvider();
        assertThat(keys.key(keys.currentKeyId())).isPresent();
    }

    @Test
    void currentKeyIsA256BitAesKey() {
        KeyProvider keys = createKeyProvider();
        SecretKey key = keys.key(keys.currentKeyId()).orElseThrow();
        assertThat(key.getAlgorithm()).isEqualToIgnoringCase("AES");
        byte[] encoded = key.getEncoded();
        if (encoded != null) { // a non-extractable HSM key may not reveal its bytes
            assertThat(encoded).hasSize(32);
        }
    }

    /** An unknown id gives an empty result, not an exception. */
    @Test
    public void unknownKeyIdGivesEmpty() {
        KeyProvider keys = createKeyProvider();
        assertThat(keys.key("unknown-" + UUID.randomUUID().toString().substring(0, 8))).isEmpty();
    }

    /** An id always names the same key material. */
    @Test
    public void theSameIdAlwaysGivesTheSameKey() {
        KeyProvider keys = createKeyProvider();
        String id = keys.currentKeyId();
        byte[] first = keys.key(id).orElseThrow().getEncoded();
        byte[] second = keys.key(id).orElseThrow().getEncoded();
        if (first != null && second != null) {
            assertThat(second).isEqualTo(first);
        }
        AssociatedData owner = AssociatedData.of("kit", "value", "1");
        String ciphertext = FieldCipher.create(keys).encrypt("compatibility", owner);
        assertThat(keys.currentKeyId()).isEqualTo(id);
        assertThat(FieldCipher.create(keys).decrypt(ciphertext, owner)).isEqualTo("compatibility");
    }

    /** FieldCipher encrypts with the current key and decrypts again. */
    @Test
    public void fieldCipherRoundTripsWithTheCurrentKey() {
        KeyProvider keys = createKeyProvider();
        FieldCipher cipher = FieldCipher.create(keys);
        AssociatedData owner = AssociatedData.of("kit", "value", "2");
        String ciphertext = cipher.encrypt("陳大文 / São Lourenço", owner);
        assertThat(cipher.keyIdOf(ciphertext)).isEqualTo(keys.currentKeyId());
        assertThat(cipher.decrypt(ciphertext, owner)).isEqualTo("陳大文 / São Lourenço");
    }

    /** BlindIndex tokens are stable for the same input. */
    @Test
    public void blindIndexIsStableAcrossCalls() {
        KeyProvider keys = createKeyProvider();
        BlindIndex index = BlindIndex.create(keys);
        assertThat(index.compute("kit.field", "value")).isEqualTo(index.compute("kit.field", "value"));
    }

    /** toString() never shows key material. */
    @Test
    public void toStringDoesNotRevealKeyMaterial() {
        KeyProvider keys = createKeyProvider();
        byte[] encoded = keys.key(keys.currentKeyId()).orElseThrow().getEncoded();
        if (encoded != null) {
            String text = keys.toString();
            assertThat(text).doesNotContain(java.util.Base64.getEncoder().encodeToString(encoded))
                    .doesNotContain(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(encoded))
                    .doesNotContain(java.util.HexFormat.of().formatHex(encoded));
        }
    }
}
