package io.gcam.core;

import io.gcam.core.spi.KeyProvider;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link KeyProvider}: 256-bit keys given in configuration, as a list of
 * {@code id:base64key} entries plus the id of the current key.
 *
 * <pre>{@code
 * # environment (or -Dgcam.encryption.keys=... -Dgcam.encryption.current-key-id=...)
 * GCAM_ENCRYPTION_KEYS=2025a:q7Vh...=,2026a:Zt0c...=
 * GCAM_ENCRYPTION_CURRENT_KEY_ID=2026a
 * GCAM_BLIND_INDEX_KEYS=idx1:P1x9...=
 *
 * FieldCipher cipher = FieldCipher.create(ConfiguredKeyProvider.fromEnvironment("gcam.encryption"));
 * BlindIndex index = BlindIndex.create(ConfiguredKeyProvider.fromEnvironment("gcam.blind-index"));
 * }</pre>
 *
 * <p>Generate a key with {@code openssl rand -base64 32}. To rotate, add a new entry, make it
 * current, re-encrypt old values ({@link FieldCipher#reencrypt}), and only then remove the old
 * entry. The current key id may be left out when exactly one key is configured.
 *
 * <p>Every problem is reported at construction as {@code CONFIGURATION_INVALID} with a message
 * that names the setting and says how to fix it; key material never appears in messages or in
 * {@link #toString()}.
 */
public final class ConfiguredKeyProvider implements KeyProvider {

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    private ConfiguredKeyProvider(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
    }

    /**
     * @param currentKeyId the id of the key new values use; may be {@code null} when {@code keys}
     *     holds exactly one key
     * @param keys raw 32-byte keys by id, in any order
     * @return the provider
     * @throws GcamException {@code CONFIGURATION_INVALID} when a key id is malformed, a key is not
     *     32 bytes, or the current key id is missing or unknown
     */
    public static ConfiguredKeyProvider of(@Nullable String currentKeyId, Map<String, byte[]> keys) {
        return build(currentKeyId, keys, "the key map", "the current key id");
    }

    /**
     * Parses a key list such as {@code "2025a:q7Vh...=,2026a:Zt0c...="} (standard or URL-safe Base64,
     * padding optional, whitespace around entries ignored).
     *
     * @param currentKeyId the id of the key new values use; may be {@code null} with a single key
     * @param keyList comma-separated {@code id:base64key} entries
     * @return the provider
     * @throws GcamException {@code CONFIGURATION_INVALID} describing the first problem found
     */
    public static ConfiguredKeyProvider parse(@Nullable String currentKeyId, String keyList) {
        return parse(currentKeyId, keyList, "the key list", "the current key id");
    }

    /**
     * Reads the settings {@code <prefix>.keys} and {@code <prefix>.current-key-id} from system
     * properties, falling back to the environment variables {@code <PREFIX>_KEYS} and
     * {@code <PREFIX>_CURRENT_KEY_ID} (upper case, {@code .} and {@code -} replaced by {@code _}).
     *
     * @param prefix e.g. {@code gcam.encryption} or {@code gcam.blind-index}
     * @return the provider
     * @throws GcamException {@code CONFIGURATION_INVALID} when the keys are missing or invalid
     */
    public static ConfiguredKeyProvider fromEnvironment(String prefix) {
        return from(prefix, name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(environmentName(name));
        });
    }

    /**
     * Reads {@code <prefix>.keys} and {@code <prefix>.current-key-id} through {@code settings}, for
     * applications with their own configuration system (for example {@code environment::getProperty}).
     *
     * @param prefix e.g. {@code gcam.encryption}
     * @param settings returns the value of a setting by name, or {@code null} when unset
     * @return the provider
     * @throws GcamException {@code CONFIGURATION_INVALID} when the keys are missing or invalid
     */
    public static ConfiguredKeyProvider from(String prefix, Function<String, @Nullable String> settings) {
        Objects.requireNonNull(prefix, "prefix");
        String keysSetting = prefix + ".keys";
        String currentSetting = prefix + ".current-key-id";
        String keyList = settings.apply(keysSetting);
        String where = keysSetting + " (environment variable " + environmentName(keysSetting) + ")";
        String currentWhere = currentSetting + " (environment variable " + environmentName(currentSetting) + ")";
        if (keyList == null || keyList.isBlank()) {
            throw invalid("no keys are configured: set " + where
                    + " to comma-separated id:base64key entries; generate a key with: openssl rand -base64 32");
        }
        String current = settings.apply(currentSetting);
        return parse(current == null || current.isBlank() ? null : current.trim(), keyList, where, currentWhere);
    }

    @Override
    public String currentKeyId() {
        return currentKeyId;
    }

    @Override
    public Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Shows the key ids and the current one, never key material. */
    @Override
    public String toString() {
        return "ConfiguredKeyProvider[current=" + currentKeyId + ", ids=" + keys.keySet() + "]";
    }

    private static ConfiguredKeyProvider parse(@Nullable String currentKeyId, String keyList, String where,
            String currentWhere) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String[] entries = keyList.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw invalid("entry " + (i + 1) + " of " + where + " is not in the form id:base64key");
            }
            String id = entry.substring(0, colon).trim();
            checkId(id, where);
            if (keys.containsKey(id)) {
                throw invalid("key id '" + id + "' appears twice in " + where + "; every id must be unique");
            }
            keys.put(id, decode(id, entry.substring(colon + 1).trim(), where));
        }
        return build(currentKeyId, keys, where, currentWhere);
    }

    private static ConfiguredKeyProvider build(@Nullable String currentKeyId, Map<String, byte[]> raw, String where,
            String currentWhere) {
        if (raw.isEmpty()) {
            throw invalid("no keys are configured in " + where + "; generate a key with: openssl rand -base64 32");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : raw.entrySet()) {
            String id = entry.getKey();
            checkId(id, where);
            byte[] bytes = entry.getValue();
            if (bytes.length != KeyIds.KEY_BYTES) {
                throw invalid("key '" + id + "' in " + where + " is " + bytes.length + " bytes; it must be "
                        + KeyIds.KEY_BYTES + " bytes (256 bits): generate one with: openssl rand -base64 32");
            }
            keys.put(id, new SecretKeySpec(bytes, "AES"));
        }
        String current = currentKeyId;
        if (current == null) {
            if (keys.size() != 1) {
                throw invalid("several keys are configured " + keys.keySet() + " but no current key id: set "
                        + currentWhere + " to the id new values should be encrypted with");
            }
            current = keys.keySet().iterator().next();
        } else if (!keys.containsKey(current)) {
            throw invalid("the current key id '" + current + "' from " + currentWhere + " is not among the configured"
                    + " keys " + keys.keySet() + "; add that key or correct the id");
        }
        return new ConfiguredKeyProvider(current, Collections.unmodifiableMap(keys));
    }

    private static void checkId(String id, String where) {
        if (!KeyIds.isValid(id)) {
            throw invalid("a key id in " + where + " is empty, longer than " + KeyIds.MAX_LENGTH
                    + " characters, or uses characters other than A-Z a-z 0-9 . _ -");
        }
    }

    private static byte[] decode(String id, String base64, String where) {
        String standard = base64.replace('-', '+').replace('_', '/');
        try {
            return Base64.getDecoder().decode(standard);
        } catch (IllegalArgumentException e) {
            throw invalid("key '" + id + "' in " + where + " is not valid Base64; generate one with: openssl rand -base64 32");
        }
    }

    private static String environmentName(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static GcamException invalid(String detail) {
        return new GcamException(CoreErrorCode.CONFIGURATION_INVALID, detail);
    }
}
