package io.gcam.appointment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Manage codes: 12 characters of Crockford base 32 (60 random bits), shown in groups of four. Only
 * their SHA-256 digest is stored. Entry is forgiving: case, spaces, hyphens and the look-alikes
 * O/I/L are normalised. A QR code carries {@code GCAM-APPT:<code>}.
 */
public final class ManageCodes {

    /** Prefix of the QR code content. */
    public static final String QR_PREFIX = "GCAM-APPT:";

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ManageCodes() {
    }

    /** @return a new code, e.g. {@code 7K3M-Q9XT-2B4R} */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /**
     * @param entered a code as typed or scanned (QR content accepted)
     * @return the digest to look it up by
     */
    public static String digest(String entered) {
        String text = entered.trim();
        if (text.regionMatches(true, 0, QR_PREFIX, 0, QR_PREFIX.length())) {
            text = text.substring(QR_PREFIX.length());
        }
        StringBuilder normal = new StringBuilder();
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case ' ', '-' -> {
                }
                case 'O' -> normal.append('0');
                case 'I', 'L' -> normal.append('1');
                default -> normal.append(c);
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normal.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * @param entered a code as typed
     * @param digest the stored digest
     * @return whether they match, compared in constant time
     */
    public static boolean matches(String entered, String digest) {
        return MessageDigest.isEqual(digest(entered).getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII));
    }
}
