package io.gcam.core.spi;

import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Supplies the secret keys of {@link io.gcam.core.FieldCipher} (encryption) or
 * {@link io.gcam.core.BlindIndex} (lookup tokens), by key id. Give each of the two its own
 * provider with its own keys.
 *
 * <p>Guarantees an implementation must give:
 * <ul>
 *   <li>{@link #currentKeyId()} names a key that {@link #key(String)} returns.</li>
 *   <li>Key ids are 1 to 32 characters from {@code A-Z a-z 0-9 . _ -} and never reused for
 *       different key material: the id is stored with every ciphertext.</li>
 *   <li>Keys are 256-bit AES keys ({@code getAlgorithm()} is {@code "AES"}, 32 bytes).</li>
 *   <li>A retired key stays available by id until every value encrypted with it has been
 *       re-encrypted; only then may it be removed.</li>
 *   <li>Key material is never logged and never appears in exception messages or {@code toString()}.</li>
 * </ul>
 *
 * <p>The default is {@link io.gcam.core.ConfiguredKeyProvider} (keys from configuration). An agency
 * with a key management service or HSM implements this interface and checks it with
 * {@code KeyProviderCompatibilityKit} from gcam-testkit.
 */
public interface KeyProvider {

    /** @return the id of the key that new values are encrypted with */
    String currentKeyId();

    /**
     * @param keyId a key id, typically read from a stored ciphertext
     * @return the key, or empty when no key has that id
     */
    Optional<SecretKey> key(String keyId);
}
