package io.gcam.workflow;

import java.util.Objects;

/**
 * One thing wrong with a workflow definition.
 *
 * @param kind what is wrong, as a stable code
 * @param where the state or action concerned (or {@code definition})
 * @param detail an English explanation for the developer
 */
public record DefinitionProblem(Kind kind, String where, String detail) {

    /** What can be wrong with a definition. */
    public enum Kind {
        /** The JSON cannot be read or a required field is missing. */
        MALFORMED,
        /** A name is blank or not lower case letters, digits and {@code _}. */
        INVALID_NAME,
        /** Two states or two actions have the same name. */
        DUPLICATE_NAME,
        /** An action or the start names a state that is not defined. */
        UNKNOWN_STATE,
        /** No chain of actions leads from the start state to this state. */
        UNREACHABLE_STATE,
        /** No state is terminal, so no application could ever finish. */
        NO_TERMINAL_STATE,
        /** A non-terminal state has no action leaving it, so applications would get stuck. */
        DEAD_END_STATE,
        /** A staff action names no role, so nobody could take it. */
        ACTION_WITHOUT_ROLES,
        /** An applicant action names roles (applicants hold none) or needs several approvals. */
        APPLICANT_ACTION_WITH_ROLES,
        /** An action may be taken from a terminal state. */
        ACTION_FROM_TERMINAL_STATE,
        /** An action may be taken from no state. */
        ACTION_WITHOUT_FROM_STATES,
        /** The number of approvals is below 1, or an SLA is below 1 working day. */
        INVALID_NUMBER,
        /** An action names a guard that the service was not given. */
        UNKNOWN_GUARD,
        /**
         * A state's {@code onSlaBreach} names an unknown action, one that cannot be taken from the
         * state by staff with one approval, or the state has no SLA.
         */
        INVALID_BREACH_ACTION
    }

    /** Checks that every field is present. */
    public DefinitionProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return kind + " at " + where + ": " + detail;
    }
}
