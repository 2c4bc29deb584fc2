package io.gcam.identity.internal;

import org.jspecify.annotations.Nullable;

/** Masks personal data for {@code toString()} and log lines. */
public final class Pii {

    private Pii() {
    }

    /**
     * Masks {@code value}: at most its first character stays, the rest becomes a fixed {@code ***}
     * so neither the value nor its length can be read back.
     *
     * @param value the value, or {@code null}
     * @return the masked text, {@code null} as {@code null}
     */
    public static @Nullable String mask(@Nullable String value) {
        if (value == null) {
            return null;
        }
        if (value.length() <= 4) {
            return "***";
        }
        return value.substring(0, value.offsetByCodePoints(0, 1)) + "***";
    }

    /**
     * Masks an email address, keeping its first character and the top-level domain.
     *
     * @param email the address, or {@code null}
     * @return the masked address
     */
    public static @Nullable String maskEmail(@Nullable String email) {
        if (email == null) {
            return null;
        }
        int dot = email.lastIndexOf('.');
        int at = email.indexOf('@');
        String tld = dot > at && at >= 0 && email.length() - dot <= 5 ? email.substring(dot) : "";
        return mask(at > 0 ? email.substring(0, at) : email) + "@***" + tld;
    }
}
