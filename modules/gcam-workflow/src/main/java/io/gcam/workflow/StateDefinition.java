package io.gcam.workflow;

import io.gcam.core.LocalizedText;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One state of a {@link WorkflowDefinition}.
 *
 * @param name internal name, e.g. {@code screening}; lower case letters, digits and {@code _}
 * @param publicLabel what applicants see, e.g. "Under review" in English, Traditional Chinese and
 *     Portuguese
 * @param terminal whether the application is finished in this state (no action leaves it)
 * @param slaWorkingDays working days the agency promises to spend in this state, or {@code null}
 *     for no promise (for example while waiting for the applicant)
 * @param documentsAllowed whether the applicant may add documents in this state
 * @param onSlaBreach the staff action that {@link WorkflowService#escalateBreaches(int)} takes, as the
 *     system, when the state's SLA is breached (e.g. {@code escalate} to a supervisor's state), or
 *     {@code null} to only publish {@code workflow.sla_breached}; the definition checks that the
 *     state has an SLA and that the action may be taken from it by one approval
 */
public record StateDefinition(
        String name, LocalizedText publicLabel, boolean terminal, @Nullable Integer slaWorkingDays,
        boolean documentsAllowed, @Nullable String onSlaBreach) {

    /** Checks that name and label are present; the definition checks everything else. */
    public StateDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicLabel, "publicLabel");
    }

    /**
     * A state without an automatic action on SLA breach.
     *
     * @param name internal name
     * @param publicLabel what applicants see
     * @param terminal whether the application is finished in this state
     * @param slaWorkingDays working days promised in this state, or {@code null}
     * @param documentsAllowed whether the applicant may add documents in this state
     */
    public StateDefinition(String name, LocalizedText publicLabel, boolean terminal, @Nullable Integer slaWorkingDays,
            boolean documentsAllowed) {
        this(name, publicLabel, terminal, slaWorkingDays, documentsAllowed, null);
    }
}
