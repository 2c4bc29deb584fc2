package io.gcam.registration.spi;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The facts about an applicant that eligibility rules look at. Anything unknown is {@code null}; a
 * rule that needs an unknown fact refuses with a reason that asks the applicant to complete their
 * profile.
 *
 * @param applicantId the applicant's subject id
 * @param birthDate date of birth, or {@code null}
 * @param residencyStatus residency status code (e.g. {@code PERMANENT}), or {@code null}
 * @param qualificationLevel highest qualification level on the agency's scale, or {@code null}
 * @param attributes further facts for agency rules, by name; never {@code null} values
 */
public record ApplicantProfile(String applicantId, @Nullable LocalDate birthDate, @Nullable String residencyStatus,
        @Nullable Integer qualificationLevel, Map<String, String> attributes) {

    /** Checks the id and copies the attributes. */
    public ApplicantProfile {
        Objects.requireNonNull(applicantId, "applicantId");
        attributes = Map.copyOf(attributes);
    }

    /**
     * @param applicantId the applicant's subject id
     * @param birthDate date of birth, or {@code null}
     * @param residencyStatus residency status code, or {@code null}
     * @param qualificationLevel qualification level, or {@code null}
     * @return a profile without further attributes
     */
    public static ApplicantProfile of(String applicantId, @Nullable LocalDate birthDate,
            @Nullable String residencyStatus, @Nullable Integer qualificationLevel) {
        return new ApplicantProfile(applicantId, birthDate, residencyStatus, qualificationLevel, Map.of());
    }
}
