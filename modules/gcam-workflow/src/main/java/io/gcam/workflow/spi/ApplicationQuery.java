package io.gcam.workflow.spi;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which applications a staff inbox lists: always one agency, optionally narrowed. Results are
 * ordered by state due date (earliest first, those without one last), then submission time, then id.
 *
 * @param agency the agency whose applications are listed
 * @param type only this application type, or {@code null} for all
 * @param states only these states; empty for all
 * @param assignee only applications assigned to this subject id, or {@code null} for all
 */
public record ApplicationQuery(String agency, @Nullable String type, Set<String> states, @Nullable String assignee) {

    /** Checks the agency and copies the states. */
    public ApplicationQuery {
        Objects.requireNonNull(agency, "agency");
        states = Set.copyOf(states);
    }
}
