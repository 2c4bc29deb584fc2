package io.gcam.workflow;

import io.gcam.workflow.internal.DefinitionJson;
import io.gcam.workflow.internal.DefinitionRules;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle of one application type in one version: its states, the actions between them,
 * the start state and the SLAs. Valid by construction: {@link #builder(String, int)} and
 * {@link #fromJson(InputStream)} refuse a definition with unknown or unreachable states, no
 * terminal state, dead ends, staff actions without roles and the like, listing every problem in a
 * {@link WorkflowDefinitionException}.
 *
 * <p>Definitions are versioned: an application keeps the version it was submitted under, so a new
 * version only affects applications submitted after it is registered. The JSON format is documented
 * in {@code docs/modules/workflow.md}. Immutable and thread-safe.
 */
public final class WorkflowDefinition {

    private final String type;
    private final int version;
    private final String startState;
    private final @Nullable Integer overallSlaWorkingDays;
    private final Map<String, StateDefinition> states;
    private final Map<String, ActionDefinition> actions;

    private WorkflowDefinition(String type, int version, String startState, @Nullable Integer overallSlaWorkingDays,
            Map<String, StateDefinition> states, Map<String, ActionDefinition> actions) {
        this.type = type;
        this.version = version;
        this.startState = startState;
        this.overallSlaWorkingDays = overallSlaWorkingDays;
        this.states = states;
        this.actions = actions;
    }

    /**
     * @param type the application type, e.g. {@code recruitment}
     * @param version the definition's version, 1 or more
     * @return a builder
     */
    public static Builder builder(String type, int version) {
        return new Builder(type, version);
    }

    /**
     * Reads a definition in the JSON format of {@code docs/modules/workflow.md}. The stream is read
     * fully but not closed.
     *
     * @param json the definition
     * @return the validated definition
     * @throws WorkflowDefinitionException {@code WORKFLOW_DEFINITION_INVALID} when the JSON is
     *     malformed or the definition breaks a rule
     */
    public static WorkflowDefinition fromJson(InputStream json) {
        return DefinitionJson.read(json);
    }

    /**
     * Reads a definition from a class-path resource, e.g. {@code workflows/recruitment-v1.json}.
     *
     * @param loader the class loader to read it with
     * @param resource the resource name
     * @return the validated definition
     * @throws WorkflowDefinitionException {@code WORKFLOW_DEFINITION_INVALID} when the resource is
     *     missing, malformed or breaks a rule
     */
    public static WorkflowDefinition fromResource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new WorkflowDefinitionException(resource, List.of(new DefinitionProblem(
                        DefinitionProblem.Kind.MALFORMED, "definition", "resource not found: " + resource)));
            }
            return fromJson(in);
        } catch (java.io.IOException e) {
            throw new WorkflowDefinitionException(resource, List.of(new DefinitionProblem(
                    DefinitionProblem.Kind.MALFORMED, "definition", "cannot read " + resource + ": " + e.getMessage())));
        }
    }

    /** @return the application type */
    public String type() {
        return type;
    }

    /** @return the version */
    public int version() {
        return version;
    }

    /** @return the state new applications start in */
    public String startState() {
        return startState;
    }

    /** @return the working days promised from submission to a terminal state, if any */
    public Optional<Integer> overallSlaWorkingDays() {
        return Optional.ofNullable(overallSlaWorkingDays);
    }

    /** @return the states, in definition order */
    public List<StateDefinition> states() {
        return List.copyOf(states.values());
    }

    /** @return the actions, in definition order */
    public List<ActionDefinition> actions() {
        return List.copyOf(actions.values());
    }

    /**
     * @param name a state name
     * @return the state, if defined
     */
    public Optional<StateDefinition> state(String name) {
        return Optional.ofNullable(states.get(name));
    }

    /**
     * @param name an action name
     * @return the action, if defined
     */
    public Optional<ActionDefinition> action(String name) {
        return Optional.ofNullable(actions.get(name));
    }

    /**
     * @param state a state name of this definition
     * @return the actions that may be taken in that state, in definition order
     */
    public List<ActionDefinition> actionsAvailableIn(String state) {
        StateDefinition s = states.get(state);
        if (s == null) {
            return List.of();
        }
        List<ActionDefinition> available = new ArrayList<>();
        for (ActionDefinition action : actions.values()) {
            if (action.availableIn(state, s.terminal())) {
                available.add(action);
            }
        }
        return available;
    }

    @Override
    public String toString() {
        return "WorkflowDefinition[" + type + " v" + version + "]";
    }

    /** Collects states and actions; {@link #build()} validates them all at once. */
    public static final class Builder {
        private final String type;
        private final int version;
        private @Nullable String startState;
        private @Nullable Integer overallSlaWorkingDays;
        private final List<StateDefinition> states = new ArrayList<>();
        private final List<ActionDefinition> actions = new ArrayList<>();

        private Builder(String type, int version) {
            this.type = Objects.requireNonNull(type, "type");
            this.version = version;
        }

        /**
         * @param state the state new applications start in
         * @return this builder
         */
        public Builder start(String state) {
            this.startState = state;
            return this;
        }

        /**
         * @param workingDays working days promised from submission to a terminal state, or
         *     {@code null} for none
         * @return this builder
         */
        public Builder overallSlaWorkingDays(@Nullable Integer workingDays) {
            this.overallSlaWorkingDays = workingDays;
            return this;
        }

        /**
         * @param state a state
         * @return this builder
         */
        public Builder state(StateDefinition state) {
            states.add(Objects.requireNonNull(state, "state"));
            return this;
        }

        /**
         * @param action an action
         * @return this builder
         */
        public Builder action(ActionDefinition action) {
            actions.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /**
         * @return the definition
         * @throws WorkflowDefinitionException {@code WORKFLOW_DEFINITION_INVALID} listing every rule
         *     the definition breaks
         */
        public WorkflowDefinition build() {
            List<DefinitionProblem> problems = DefinitionRules.check(type, version, startState, overallSlaWorkingDays,
                    states, actions);
            if (!problems.isEmpty()) {
                throw new WorkflowDefinitionException(type + " v" + version, problems);
            }
            Map<String, StateDefinition> stateMap = new LinkedHashMap<>();
            states.forEach(s -> stateMap.put(s.name(), s));
            Map<String, ActionDefinition> actionMap = new LinkedHashMap<>();
            actions.forEach(a -> actionMap.put(a.name(), a));
            return new WorkflowDefinition(type, version, Objects.requireNonNull(startState), overallSlaWorkingDays,
                    java.util.Collections.unmodifiableMap(stateMap), java.util.Collections.unmodifiableMap(actionMap));
        }
    }
}
