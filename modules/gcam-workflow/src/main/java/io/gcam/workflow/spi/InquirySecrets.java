package io.gcam.workflow.spi;

import org.jspecify.annotations.Nullable;

/**
 * The hashed second factors of a status inquiry without login, as stored with an application.
 * Both values are opaque, salted one-way hashes produced by the workflow service; a store keeps
 * them as they are and never logs them.
 *
 * @param accessCodeHash the hash of the access code issued at submission, or {@code null}
 * @param dateOfBirthHash the hash of the applicant's date of birth given at submission, or
 *     {@code null} when none was given (then the application cannot be found by date of birth)
 */
public record InquirySecrets(@Nullable String accessCodeHash, @Nullable String dateOfBirthHash) {

    private static final InquirySecrets NONE = new InquirySecrets(null, null);

    /** @return secrets with neither factor: no inquiry without login matches them */
    public static InquirySecrets none() {
        return NONE;
    }

    /** Leaves the hashes out. */
    @Override
    public String toString() {
        return "InquirySecrets[accessCode=" + (accessCodeHash != null) + ", dateOfBirth=" + (dateOfBirthHash != null)
                + "]";
    }
}
