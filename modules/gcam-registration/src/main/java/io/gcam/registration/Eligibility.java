package io.gcam.registration;

import io.gcam.core.LocalizedText;
import java.util.List;

/**
 * Whether an applicant may register for an activity, and if not, why.
 *
 * @param reasons why the applicant is not eligible, in the three languages; empty when eligible
 */
public record Eligibility(List<LocalizedText> reasons) {

    /** Copies the reasons. */
    public Eligibility {
        reasons = List.copyOf(reasons);
    }

    /** @return whether no rule refused the applicant */
    public boolean eligible() {
        return reasons.isEmpty();
    }
}
