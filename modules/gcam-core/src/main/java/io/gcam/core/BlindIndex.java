package io.gcam.core;

import io.gcam.core.spi.KeyProvider;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes lookup tokens for encrypted values, so that "find the profile with this ID-card number"
 * works without decrypting every row: store {@code index.compute("profile.id_number", value)} in
 * an indexed column next to the ciphertext and query by it.
 *
 * <pre>{@code
 * BlindIndex index = BlindIndex.create(ConfiguredKeyProvider.fromEnvironment("gcam.blind-index"));
 * String token = index.compute("profile.id_number", idNumber);
 * // INSERT ... (id_number_enc, id_number_idx) VALUES (cipher.encrypt(idNumber, owner), token)
 * // SELECT ... WHERE id_number_idx = ?
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>The token is HMAC-SHA256 over the field name and the normalized value, keyed with the
 *       provider's current key: the same input always gives the same token, and without the key a
 *       token reveals nothing about the value (not even for short values such as dates).</li>
 *   <li>The field name separates domains: the same value in two fields gives unrelated tokens.</li>
 *   <li>Inputs are normalized first (by default: Unicode NFKC, so full-width digits equal ASCII
 *       ones, trimmed, inner whitespace collapsed to one space, lower case), so trivially different
 *       spellings match. Supply your own normalizer to also drop separators, for example.</li>
 *   <li>The token is 43 characters of URL-safe Base64.</li>
 * </ul>
 *
 * <p>Use a key of its own, never one of the {@link FieldCipher} keys. Tokens reveal which rows share
 * a value; index only fields that need exact-match search. Changing the current key changes every
 * token: recompute the column before switching.
 */
public final class BlindIndex {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final KeyProvider keys;
    private final UnaryOperator<String> normalizer;

    private BlindIndex(KeyProvider keys, UnaryOperator<String> normalizer) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    }

    /**
     * @param keys the blind-index keys (separate from the encryption keys)
     * @return an index with the default normalization ({@link #normalize(String)})
     */
    public static BlindIndex create(KeyProvider keys) {
        return new BlindIndex(keys, BlindIndex::normalize);
    }

    /**
     * @param keys the blind-index keys (separate from the encryption keys)
     * @param normalizer turns a value into its canonical form before hashing
     * @return an index
     */
    public static BlindIndex create(KeyProvider keys, UnaryOperator<String> normalizer) {
        return new BlindIndex(keys, normalizer);
    }

    /**
     * The default normalization: Unicode NFKC, trimmed, inner whitespace collapsed to one space,
     * lower case (locale-independent).
     *
     * @param value a raw value
     * @return its canonical form
     */
    public static String normalize(String value) {
        String nfkc = Normalizer.normalize(value, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(nfkc.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /**
     * @param field a stable name for what is indexed, e.g. {@code profile.id_number}
     * @param value the plaintext value
     * @return the lookup token, 43 characters of URL-safe Base64
     * @throws GcamException {@code CONFIGURATION_INVALID} when the current key is missing or not
     *     256 bits
     */
    public String compute(String field, String value) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        String keyId = KeyIds.requireValid(keys.currentKeyId(), "the blind-index key provider's currentKeyId()");
        SecretKey key = keys.key(keyId)
                .map(k -> KeyIds.requireAes256(k, keyId, "the blind-index key provider"))
                .orElseThrow(() -> new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                        "the current blind-index key '" + keyId + "' is not available from its key provider"));
        byte[] fieldBytes = field.getBytes(StandardCharsets.UTF_8);
        byte[] valueBytes = normalizer.apply(value).getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] material = key.getEncoded();
            mac.init(material != null ? new SecretKeySpec(material, "HmacSHA256") : key);
            mac.update(ByteBuffer.allocate(4).putInt(fieldBytes.length).array());
            mac.update(fieldBytes);
            mac.update(valueBytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                    "HMAC-SHA256 is not available: " + e.getClass().getSimpleName());
        }
    }
}
