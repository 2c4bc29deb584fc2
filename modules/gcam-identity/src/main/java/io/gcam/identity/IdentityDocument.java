package io.gcam.identity;

import io.gcam.identity.internal.Pii;
import java.util.Objects;

/**
 * An identity document as verified: its type and its number, normalized (upper case, without
 * spaces, brackets or slashes). {@link #toString()} masks the number.
 *
 * @param type the kind of document
 * @param number the document number
 */
public record IdentityDocument(IdentityDocumentType type, String number) {

    /** Checks that both parts are present and the number is not blank. */
    public IdentityDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
        if (number.isBlank()) {
            throw new IllegalArgumentException("number is blank");
        }
    }

    /** @return the type and the masked number */
    @Override
    public String toString() {
        return "IdentityDocument[type=" + type + ", number=" + Pii.mask(number) + "]";
    }
}
