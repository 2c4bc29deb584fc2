package io.gcam.registration;

import io.gcam.core.LocalizedText;
import io.gcam.registration.internal.Texts;
import io.gcam.registration.spi.EligibilityRule;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The built-in eligibility rules. The service applies the ones an activity's
 * {@link EligibilityCriteria} call for; they are public so that agency rules can reuse them.
 */
public final class EligibilityRules {

    private EligibilityRules() {
    }

    /**
     * Age in whole years at {@code referenceDate} between {@code minimum} and {@code maximum}
     * (both inclusive, either may be {@code null}). An unknown date of birth is refused.
     *
     * @param minimum lowest age, or {@code null}
     * @param maximum highest age, or {@code null}
     * @param referenceDate the date the age is computed at
     * @return the rule
     */
    public static EligibilityRule ageBetween(@Nullable Integer minimum, @Nullable Integer maximum, LocalDate referenceDate) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        return (activity, applicant) -> {
            LocalDate birth = applicant.birthDate();
            if (birth == null) {
                return Optional.of(Texts.text("REASON_AGE_UNKNOWN"));
            }
            int age = Period.between(birth, referenceDate).getYears();
            if (minimum != null && age < minimum) {
                return Optional.of(Texts.text("REASON_AGE_BELOW", minimum, referenceDate.toString()));
            }
            if (maximum != null && age > maximum) {
                return Optional.of(Texts.text("REASON_AGE_ABOVE", maximum, referenceDate.toString()));
            }
            return Optional.empty();
        };
    }

    /**
     * Residency status among {@code admitted}. An unknown status is refused.
     *
     * @param admitted admitted residency status codes
     * @return the rule
     */
    public static EligibilityRule residencyIn(Set<String> admitted) {
        Set<String> copy = Set.copyOf(admitted);
        return (activity, applicant) -> {
            String status = applicant.residencyStatus();
            if (status == null) {
                return Optional.of(Texts.text("REASON_RESIDENCY_UNKNOWN"));
            }
            return copy.contains(status) ? Optional.empty() : Optional.of(Texts.text("REASON_RESIDENCY"));
        };
    }

    /**
     * Qualification level at least {@code minimum}. An unknown level is refused.
     *
     * @param minimum the lowest admitted level
     * @return the rule
     */
    public static EligibilityRule minimumQualification(int minimum) {
        return (activity, applicant) -> {
            Integer level = applicant.qualificationLevel();
            if (level == null) {
                return Optional.of(Texts.text("REASON_QUALIFICATION_UNKNOWN"));
            }
            return level >= minimum ? Optional.empty() : Optional.of(Texts.text("REASON_QUALIFICATION_BELOW", minimum));
        };
    }

    /**
     * @param criteria an activity's criteria
     * @return the built-in rules those criteria call for, in a stable order (age, residency, qualification)
     */
    public static List<EligibilityRule> of(EligibilityCriteria criteria) {
        List<EligibilityRule> rules = new ArrayList<>(3);
        LocalDate reference = criteria.ageReferenceDate();
        if (criteria.hasAgeLimit() && reference != null) {
            rules.add(ageBetween(criteria.minimumAge(), criteria.maximumAge(), reference));
        }
        if (!criteria.residencyStatuses().isEmpty()) {
            rules.add(residencyIn(criteria.residencyStatuses()));
        }
        Integer qualification = criteria.minimumQualificationLevel();
        if (qualification != null) {
            rules.add(minimumQualification(qualification));
        }
        return List.copyOf(rules);
    }

    /**
     * The refusal used when eligibility conditions apply but the applicant's facts are unknown.
     *
     * @return the reason, in the three languages
     */
    public static LocalizedText applicantUnknown() {
        return Texts.text("REASON_APPLICANT_UNKNOWN");
    }
}
