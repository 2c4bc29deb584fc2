package io.gcam.testkit.memory;

import io.gcam.core.spi.KeyProvider;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link KeyProvider} holding freshly generated random 256-bit AES keys in memory, with methods to
 * rotate and retire keys in tests.
 *
 * <pre>{@code
 * InMemoryKeyProvider keys = InMemoryKeyProvider.create();   // current key "k1"
 * String old = FieldCipher.create(keys).encrypt("secret", owner);
 * keys.rotate();                                             // current key "k2"; "k1" still readable
 * keys.retire("k1");                                         // now "k1" values fail to decrypt
 * }</pre>
 *
 * <p>Thread-safe. Keys never leave the JVM and are lost when it ends.
 */
public final class InMemoryKeyProvider implements KeyProvider {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private int generation;
    private String current;

    private InMemoryKeyProvider() {
        this.current = addKey();
    }

    /** @return a provider with one random key, {@code k1}, which is current */
    public static InMemoryKeyProvider create() {
        return new InMemoryKeyProvider();
    }

    /**
     * Adds a new random key ({@code k2}, {@code k3}, ...) and makes it current; older keys stay
     * available for decryption.
     *
     * @return the id of the new current key
     */
    public synchronized String rotate() {
        current = addKey();
        return current;
    }

    /**
     * Removes a key, as an operator would once every value has been re-encrypted.
     *
     * @param keyId the key to remove; not the current one
     * @throws IllegalArgumentException when {@code keyId} is the current key
     */
    public synchronized void retire(String keyId) {
        if (keyId.equals(current)) {
            throw new IllegalArgumentException("cannot retire the current key " + keyId + "; rotate first");
        }
        keys.remove(keyId);
    }

    @Override
    public synchronized String currentKeyId() {
        return current;
    }

    @Override
    public synchronized Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Shows the key ids, never key material. */
    @Override
    public synchronized String toString() {
        return "InMemoryKeyProvider[current=" + current + ", ids=" + keys.keySet() + "]";
    }

    private synchronized String addKey() {
        byte[] material = new byte[32];
        random.nextBytes(material);
        String id = "k" + ++generation;
        keys.put(id, new SecretKeySpec(material, "AES"));
        return id;
    }
}
