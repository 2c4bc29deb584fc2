package io.gcam.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One action of a {@link WorkflowDefinition}: who may take it, from which states, and where it
 * leads. Build it with {@link #builder(String)}.
 *
 * @param name the action's name, e.g. {@code approve}; lower case letters, digits and {@code _}
 * @param from the states it may be taken from; {@link #ANY_OPEN_STATE} means every state that is
 *     not terminal
 * @param to the state it leads to
 * @param by whether staff (or the system) or the applicant takes it
 * @param roles the staff roles allowed to take it (any one of them suffices); empty for applicant
 *     actions
 * @param commentRequired whether a comment must be given
 * @param approvals how many distinct staff members must take it before the state changes (1 =
 *     ordinary action)
 * @param notByPreviousActor whether the person who took the previous state change is barred from
 *     taking this action (four-eyes rule)
 * @param guards names of the {@link io.gcam.workflow.spi.TransitionGuard}s that must allow it, in order
 */
public record ActionDefinition(
        String name, Set<String> from, String to, Performer by, Set<String> roles, boolean commentRequired,
        int approvals, boolean notByPreviousActor, List<String> guards) {

    /** In {@link #from()}: every state that is not terminal. */
    public static final String ANY_OPEN_STATE = "*";

    /** Who takes an action. */
    public enum Performer {
        /** A staff member of the application's agency holding one of the roles, or the system. */
        STAFF,
        /** The applicant who owns the application. */
        APPLICANT
    }

    /** Copies the collections; the definition checks the rest. */
    public ActionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        from = Set.copyOf(from);
        roles = Set.copyOf(roles);
        guards = List.copyOf(guards);
    }

    /**
     * @param state a state name
     * @param stateIsTerminal whether that state is terminal
     * @return whether this action may be taken in that state
     */
    public boolean availableIn(String state, boolean stateIsTerminal) {
        return from.contains(state) || (!stateIsTerminal && from.contains(ANY_OPEN_STATE));
    }

    /**
     * @param name the action's name
     * @return a builder for a staff action with one approval
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds an {@link ActionDefinition}. */
    public static final class Builder {
        private final String name;
        private Set<String> from = Set.of();
        private @Nullable String to;
        private Performer by = Performer.STAFF;
        private Set<String> roles = Set.of();
        private boolean commentRequired;
        private int approvals = 1;
        private boolean notByPreviousActor;
        private List<String> guards = List.of();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param states the states the action may be taken from
         * @return this builder
         */
        public Builder from(String... states) {
            this.from = Set.of(states);
            return this;
        }

        /**
         * @param state the state the action leads to
         * @return this builder
         */
        public Builder to(String state) {
            this.to = state;
            return this;
        }

        /**
         * Makes this an action of the applicant (default: staff).
         *
         * @return this builder
         */
        public Builder byApplicant() {
            this.by = Performer.APPLICANT;
            return this;
        }

        /**
         * @param allowedRoles the staff roles allowed to take it
         * @return this builder
         */
        public Builder roles(String... allowedRoles) {
            this.roles = Set.of(allowedRoles);
            return this;
        }

        /**
         * @param required whether a comment is required
         * @return this builder
         */
        public Builder commentRequired(boolean required) {
            this.commentRequired = required;
            return this;
        }

        /**
         * @param distinctApprovers how many distinct staff members must take it
         * @return this builder
         */
        public Builder approvals(int distinctApprovers) {
            this.approvals = distinctApprovers;
            return this;
        }

        /**
         * @param barred whether the person who took the previous step may not take this one
         * @return this builder
         */
        public Builder notByPreviousActor(boolean barred) {
            this.notByPreviousActor = barred;
            return this;
        }

        /**
         * @param guardNames names of guards that must allow the action
         * @return this builder
         */
        public Builder guards(String... guardNames) {
            this.guards = List.of(guardNames);
            return this;
        }

        /** @return the action; the definition it is added to validates it */
        public ActionDefinition build() {
            return new ActionDefinition(name, from, to == null ? "" : to, by, roles, commentRequired, approvals,
                    notByPreviousActor, guards);
        }
    }
}
