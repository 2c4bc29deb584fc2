package io.gcam.core;

import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/** Key id syntax and key checks shared by the crypto classes. */
final class KeyIds {

    static final int MAX_LENGTH = 32;
    static final int KEY_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private KeyIds() {
    }

    static boolean isValid(@Nullable String keyId) {
        return keyId != null && ID.matcher(keyId).matches();
    }

    static String requireValid(String keyId, String source) {
        if (!isValid(keyId)) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, source + " gave key id '" + printable(keyId)
                    + "'; key ids must be 1 to " + MAX_LENGTH + " characters from A-Z a-z 0-9 . _ -");
        }
        return keyId;
    }

    /** Checks that a key is a 256-bit AES key, without ever showing the key. */
    static SecretKey requireAes256(SecretKey key, String keyId, String source) {
        byte[] encoded = key.getEncoded();
        if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || (encoded != null && encoded.length != KEY_BYTES)) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, "key '" + keyId + "' from " + source
                    + " is not a 256-bit AES key (algorithm " + key.getAlgorithm() + ", "
                    + (encoded == null ? "unknown" : encoded.length) + " bytes); supply 32 random bytes,"
                    + " e.g. from: openssl rand -base64 32");
        }
        return key;
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
