package io.gcam.workflow.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Access codes for status inquiries: 12 characters from an alphabet without look-alikes (60 bits),
 * stored as salted PBKDF2-HMAC-SHA256 hashes and compared in constant time. The code's entropy, not
 * the iteration count, carries the protection of a leaked table (decision 0008): guessing one code
 * offline takes about 2^60 x 1,000 PBKDF2 iterations. Hashes stored with another iteration count
 * (the 10-character codes hashed with 10,000) keep verifying: the count is part of the hash.
 */
public final class AccessCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 12;
    private static final int GROUP = 4;
    private static final int ITERATIONS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Hash compared against when the reference is unknown, so both failures take the same work. */
    private static final String DUMMY = hash("AAAA-AAAA-AAAA");

    private AccessCodes() {
    }

    /** @return a new code such as {@code K7M2-PQX9-RTA4} */
    public static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /**
     * @param dateOfBirth a date of birth
     * @return the text hashed and compared for it, never equal to a normalized access code
     */
    public static String dateOfBirthFactor(java.time.LocalDate dateOfBirth) {
        return "DOB:" + dateOfBirth;
    }

    /** @return {@code pbkdf2$<iterations>$<salt>$<hash>} of the normalized code */
    public static String hash(String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(normalize(code), salt, ITERATIONS));
    }

    /**
     * @param code what the caller typed
     * @param stored the stored hash, or {@code null} when the reference is unknown (then a dummy hash
     *     is checked so the answer takes as long)
     * @return whether they match
     */
    public static boolean matches(String code, @org.jspecify.annotations.Nullable String stored) {
        String[] parts = (stored == null ? DUMMY : stored).split("\\$");
        if (parts.length != 4) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(normalize(code), salt, Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual) && stored != null;
    }

    private static String normalize(String code) {
        StringBuilder s = new StringBuilder();
        for (char c : code.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c != '-' && !Character.isWhitespace(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static byte[] derive(String code, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

}
