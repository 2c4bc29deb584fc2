package io.gcam.registration.spi;

import java.util.Optional;

/**
 * Where registration learns about applicants: the application wires it to its profile or identity
 * module, so gcam-registration depends on neither.
 *
 * <p>Implementations must be thread-safe and must not return another applicant's facts.
 */
@FunctionalInterface
public interface ApplicantFacts {

    /** Facts that know nobody: every activity with eligibility conditions refuses everyone. */
    ApplicantFacts NONE = applicantId -> Optional.empty();

    /**
     * @param applicantId the applicant's subject id
     * @return the applicant's facts, or empty when the applicant is unknown
     */
    Optional<ApplicantProfile> find(String applicantId);
}
