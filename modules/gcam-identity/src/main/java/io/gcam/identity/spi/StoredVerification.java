package io.gcam.identity.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One verification linked to a person, as a {@link VerificationStore} keeps it. The verified
 * attributes are opaque ciphertext: the store never sees them in clear.
 *
 * @param verificationId unique id of the link
 * @param personId the person (the GCAM subject id) the verification belongs to
 * @param method the {@code VerificationMethod} name
 * @param level the {@code AssuranceLevel} name
 * @param verifiedAt when the verification succeeded
 * @param expiresAt when it stops counting
 * @param attributesCiphertext the verified attributes and the verifier's subject id, encrypted
 */
public record StoredVerification(
        String verificationId,
        String personId,
        String method,
        String level,
        Instant verifiedAt,
        Instant expiresAt,
        String attributesCiphertext) {

    /** Checks that every part is present. */
    public StoredVerification {
        Objects.requireNonNull(verificationId, "verificationId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(attributesCiphertext, "attributesCiphertext");
    }

    /** @return the record without the person id and the ciphertext */
    @Override
    public String toString() {
        return "StoredVerification[verificationId=" + verificationId + ", method=" + method + ", level=" + level
                + ", verifiedAt=" + verifiedAt + ", expiresAt=" + expiresAt + "]";
    }
}
