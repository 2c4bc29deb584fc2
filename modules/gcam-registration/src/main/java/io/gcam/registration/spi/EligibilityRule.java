package io.gcam.registration.spi;

import io.gcam.core.LocalizedText;
import io.gcam.registration.Activity;
import java.util.Optional;

/**
 * An agency's own eligibility condition, evaluated with the built-in ones before an applicant
 * registers. A rule decides itself which activities it applies to (for example by agency or
 * category) and returns empty for the others.
 *
 * <pre>{@code
 * EligibilityRule notBanned = (activity, applicant) ->
 *         "true".equals(applicant.attributes().get("banned"))
 *                 ? Optional.of(LocalizedText.of("You are barred from exams", "您被禁止報考", "Está impedido"))
 *                 : Optional.empty();
 * }</pre>
 *
 * <p>Implementations must be thread-safe and side-effect free; they run outside the registration's
 * transaction. Decide from the activity's definition and status: the seat counters of its sessions
 * may be out of date.
 */
@FunctionalInterface
public interface EligibilityRule {

    /**
     * @param activity the activity the applicant wants to register for
     * @param applicant the applicant's facts
     * @return why the applicant is refused, or empty when this rule admits them
     */
    Optional<LocalizedText> refusal(Activity activity, ApplicantProfile applicant);
}
