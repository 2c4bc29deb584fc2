package io.gcam.profile;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The applicant's permission for one agency to read their profile for one purpose.
 *
 * @param id the consent's id
 * @param profileId the profile it covers
 * @param purpose what the agency may use the profile for, a stable code such as
 *     {@code recruitment.2026.clerk}
 * @param agency the agency code
 * @param grantedAt when it was given
 * @param withdrawnAt when it was withdrawn, {@code null} while in force
 */
public record Consent(
        ConsentId id,
        ProfileId profileId,
        String purpose,
        String agency,
        Instant grantedAt,
        @Nullable Instant withdrawnAt) {

    /** Checks that the required parts are present. */
    public Consent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }

    /**
     * @param now the instant to check
     * @return whether the consent is in force at {@code now}: granted no later and not withdrawn by then
     */
    public boolean isValidAt(Instant now) {
        return !now.isBefore(grantedAt) && (withdrawnAt == null || now.isBefore(withdrawnAt));
    }

    /**
     * @param purposeCode a purpose
     * @param agencyCode an agency
     * @param now the instant to check
     * @return whether this consent lets {@code agencyCode} read the profile for {@code purposeCode} at {@code now}
     */
    public boolean covers(String purposeCode, String agencyCode, Instant now) {
        return purpose.equals(purposeCode) && agency.equals(agencyCode) && isValidAt(now);
    }
}
