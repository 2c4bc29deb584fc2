package io.gcam.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HOTP one-time passwords (RFC 4226), the building block of {@link Totp}. */
public final class Hotp {

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Hotp() {
    }

    /**
     * The HOTP value of {@code counter}: HMAC of the 8-byte big-endian counter, dynamic truncation,
     * modulo 10^digits, left-padded with zeros.
     *
     * @param algorithm the HMAC function
     * @param secret the shared secret
     * @param counter the moving factor
     * @param digits 6 to 8
     * @return the password, exactly {@code digits} digits
     * @throws IllegalArgumentException when {@code digits} is outside 6..8 or the secret is empty
     */
    public static String generate(OtpAlgorithm algorithm, byte[] secret, long counter, int digits) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(secret, "secret");
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6..8");
        }
        if (secret.length == 0) {
            throw new IllegalArgumentException("secret is empty");
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(secret, algorithm.macName()));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable: " + algorithm.macName(), e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        StringBuilder code = new StringBuilder(Integer.toString(binary % POWERS[digits]));
        while (code.length() < digits) {
            code.insert(0, '0');
        }
        return code.toString();
    }
}
