package io.gcam.core;

import io.gcam.core.spi.KeyProvider;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts single values (an ID-card number, a phone number) for storage in an ordinary
 * {@code VARCHAR} column: AES-256-GCM with a fresh random 96-bit nonce per value, the key id in the
 * ciphertext for key rotation, and {@link AssociatedData} binding each value to its owner.
 *
 * <pre>{@code
 * FieldCipher cipher = FieldCipher.create(ConfiguredKeyProvider.fromEnvironment("gcam.encryption"));
 * AssociatedData owner = AssociatedData.forColumn("gcam_profile", "id_number", profileId.value());
 * String stored = cipher.encrypt("1234567(8)", owner);     // e.g. AQJrMf3...
 * String idNumber = cipher.decrypt(stored, owner);
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Confidentiality and integrity: a ciphertext that was altered, truncated, moved to another
 *       owner, or decrypted with the wrong key fails with {@code DECRYPTION_FAILED}; it never
 *       decrypts to a wrong value.</li>
 *   <li>Encrypting the same value twice gives different ciphertexts (use {@link BlindIndex} for
 *       lookups).</li>
 *   <li>Rotation: new values use {@link KeyProvider#currentKeyId()}; older values decrypt with the
 *       key whose id they carry, for as long as the provider still has that key.
 *       {@link #isCurrent(String)} and {@link #reencrypt(String, AssociatedData)} help a job move
 *       old values to the current key.</li>
 *   <li>The result is URL-safe Base64 without padding (letters, digits, {@code -}, {@code _}), at
 *       most {@link #maxEncodedLength(int)} characters.</li>
 *   <li>Neither plaintexts nor keys are ever logged or put in exception messages.</li>
 * </ul>
 *
 * <p>Format (version 1), before Base64: version byte {@code 0x01}, key-id length, key id (ASCII),
 * 12-byte nonce, ciphertext with 16-byte tag. The version byte and key id are authenticated
 * together with the associated data. With random nonces, encrypt at most 2<sup>32</sup> values
 * under one key before rotating.
 *
 * <p>Thread-safe.
 */
public final class FieldCipher {

    private static final Logger LOG = LoggerFactory.getLogger(FieldCipher.class);

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final KeyProvider keys;
    private final SecureRandom random;

    private FieldCipher(KeyProvider keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param keys where the keys come from
     * @return a cipher using a new {@link SecureRandom} for nonces
     */
    public static FieldCipher create(KeyProvider keys) {
        return new FieldCipher(keys, new SecureRandom());
    }

    /**
     * @param keys where the keys come from
     * @param random source of nonces
     * @return a cipher
     */
    public static FieldCipher create(KeyProvider keys, SecureRandom random) {
        return new FieldCipher(keys, random);
    }

    /**
     * The longest ciphertext {@link #encrypt} can return for a plaintext of
     * {@code plaintextBytes} UTF-8 bytes (a Chinese character takes 3), with the longest allowed
     * key id. Size {@code VARCHAR} columns with it.
     *
     * @param plaintextBytes the UTF-8 length of the largest value
     * @return the maximum number of characters of the encoded ciphertext
     */
    public static int maxEncodedLength(int plaintextBytes) {
        if (plaintextBytes < 0) {
            throw new IllegalArgumentException("plaintextBytes must be >= 0");
        }
        long binary = 2L + KeyIds.MAX_LENGTH + NONCE_BYTES + plaintextBytes + TAG_BYTES;
        return Math.toIntExact((binary * 4 + 2) / 3);
    }

    /**
     * Encrypts {@code plaintext} with the current key, bound to {@code owner}.
     *
     * @param plaintext the value to protect
     * @param owner what the value belongs to; the same must be given to decrypt it
     * @return the ciphertext, URL-safe Base64
     * @throws GcamException {@code CONFIGURATION_INVALID} when the current key is missing or not a
     *     256-bit AES key
     */
    public String encrypt(String plaintext, AssociatedData owner) {
        Objects.requireNonNull(plaintext, "plaintext");
        String keyId = KeyIds.requireValid(keys.currentKeyId(), "the key provider's currentKeyId()");
        SecretKey key = keys.key(keyId)
                .map(k -> KeyIds.requireAes256(k, keyId, "the key provider"))
                .orElseThrow(() -> new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                        "the current encryption key '" + keyId + "' is not available from the key provider;"
                                + " configure a key with that id or change the current key id"));
        byte[] header = header(keyId);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(owner.encoded());
            sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    "AES-256-GCM encryption is not available: " + e.getClass().getSimpleName());
        }
        ByteBuffer out = ByteBuffer.allocate(header.length + NONCE_BYTES + sealed.length);
        out.put(header).put(nonce).put(sealed);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /**
     * Decrypts a value produced by {@link #encrypt}, with the key whose id it carries.
     *
     * @param ciphertext the stored ciphertext
     * @param owner the associated data given when it was encrypted
     * @return the plaintext
     * @throws GcamException {@code DECRYPTION_FAILED} when the ciphertext is malformed, altered,
     *     bound to another owner or encrypted with different key material; {@code CONFIGURATION_INVALID}
     *     when the key it names is not configured (any more)
     */
    public String decrypt(String ciphertext, AssociatedData owner) {
        Parsed parsed = parse(ciphertext);
        SecretKey key = keys.key(parsed.keyId)
                .map(k -> KeyIds.requireAes256(k, parsed.keyId, "the key provider"))
                .orElseThrow(() -> new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                        "a stored value was encrypted with key '" + parsed.keyId + "', which is not configured;"
                                + " add that key back (keep retired keys until every value has been re-encrypted)"));
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, parsed.bytes, parsed.nonceOffset,
                    NONCE_BYTES));
            cipher.updateAAD(parsed.bytes, 0, parsed.nonceOffset);
            cipher.updateAAD(owner.encoded());
            int sealedOffset = parsed.nonceOffset + NONCE_BYTES;
            byte[] plain = cipher.doFinal(parsed.bytes, sealedOffset, parsed.bytes.length - sealedOffset);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            LOG.warn("Decryption with key {} failed authentication: the value was altered, moved to another owner,"
                    + " or the key material changed", parsed.keyId);
            throw new GcamException(CoreErrorCode.DECRYPTION_FAILED, e);
        } catch (GeneralSecurityException e) {
            throw new GcamException(CoreErrorCode.DECRYPTION_FAILED, e);
        }
    }

    /**
     * @param ciphertext a stored ciphertext
     * @return the id of the key it was encrypted with
     * @throws GcamException {@code DECRYPTION_FAILED} when it is not a GCAM ciphertext
     */
    public String keyIdOf(String ciphertext) {
        return parse(ciphertext).keyId;
    }

    /**
     * @param ciphertext a stored ciphertext
     * @return whether it was encrypted with the current key (if not, {@link #reencrypt} it)
     * @throws GcamException {@code DECRYPTION_FAILED} when it is not a GCAM ciphertext
     */
    public boolean isCurrent(String ciphertext) {
        return keyIdOf(ciphertext).equals(keys.currentKeyId());
    }

    /**
     * Decrypts and encrypts again with the current key, keeping the owner.
     *
     * @param ciphertext a stored ciphertext
     * @param owner its associated data
     * @return a ciphertext under the current key
     * @throws GcamException as {@link #decrypt} and {@link #encrypt}
     */
    public String reencrypt(String ciphertext, AssociatedData owner) {
        return encrypt(decrypt(ciphertext, owner), owner);
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[2 + id.length];
        header[0] = VERSION;
        header[1] = (byte) id.length;
        System.arraycopy(id, 0, header, 2, id.length);
        return header;
    }

    private static Parsed parse(String ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new GcamException(CoreErrorCode.DECRYPTION_FAILED);
        }
        if (bytes.length < 2 || bytes[0] != VERSION) {
            throw new GcamException(CoreErrorCode.DECRYPTION_FAILED);
        }
        int idLength = bytes[1] & 0xFF;
        int nonceOffset = 2 + idLength;
        if (idLength == 0 || idLength > KeyIds.MAX_LENGTH || bytes.length < nonceOffset + NONCE_BYTES + TAG_BYTES) {
            throw new GcamException(CoreErrorCode.DECRYPTION_FAILED);
        }
        String keyId = new String(bytes, 2, idLength, StandardCharsets.US_ASCII);
        if (!KeyIds.isValid(keyId)) {
            throw new GcamException(CoreErrorCode.DECRYPTION_FAILED);
        }
        return new Parsed(bytes, keyId, nonceOffset);
    }

    private record Parsed(byte[] bytes, String keyId, int nonceOffset) {
    }
}
