package io.gcam.identity;

/** The HMAC function of an HOTP/TOTP generator (RFC 6238, section 1.2). */
public enum OtpAlgorithm {
    /** HMAC-SHA-1, the default of RFC 4226 and of most authenticator apps. */
    SHA1("HmacSHA1"),
    /** HMAC-SHA-256. */
    SHA256("HmacSHA256"),
    /** HMAC-SHA-512. */
    SHA512("HmacSHA512");

    private final String macName;

    OtpAlgorithm(String macName) {
        this.macName = macName;
    }

    /** @return the JCA name of the MAC, e.g. {@code HmacSHA1} */
    public String macName() {
        return macName;
    }
}
