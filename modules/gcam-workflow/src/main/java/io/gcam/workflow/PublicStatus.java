package io.gcam.workflow;

import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an applicant (or a status inquiry) may see of an application: the public label of its state
 * and the timeline of state changes. Never internal comments, actors or internal state names.
 *
 * @param referenceNumber the reference number
 * @param status the public label of the current state
 * @param finished whether the current state is terminal
 * @param documentsAllowed whether documents may be added now
 * @param dueOn the overall due date, or {@code null}
 * @param timeline the state changes, oldest first
 */
public record PublicStatus(
        String referenceNumber, LocalizedText status, boolean finished, boolean documentsAllowed,
        @Nullable LocalDate dueOn, List<Step> timeline) {

    /** Copies the timeline. */
    public PublicStatus {
        Objects.requireNonNull(referenceNumber, "referenceNumber");
        Objects.requireNonNull(status, "status");
        timeline = List.copyOf(timeline);
    }

    /**
     * One public step.
     *
     * @param at when the application entered the state
     * @param status the state's public label
     */
    public record Step(Instant at, LocalizedText status) {
        /** Checks both fields. */
        public Step {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
        }
    }
}
