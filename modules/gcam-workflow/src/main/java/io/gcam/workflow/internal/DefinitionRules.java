package io.gcam.workflow.internal;

import io.gcam.workflow.ActionDefinition;
import io.gcam.workflow.DefinitionProblem;
import io.gcam.workflow.DefinitionProblem.Kind;
import io.gcam.workflow.StateDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The validation rules of a workflow definition. */
public final class DefinitionRules {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    private DefinitionRules() {
    }

    /**
     * @return every problem found, empty when the definition is valid
     */
    public static List<DefinitionProblem> check(String type, int version, @Nullable String start,
            @Nullable Integer overallSla, List<StateDefinition> states, List<ActionDefinition> actions) {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (!TYPE.matcher(type).matches()) {
            problems.add(new DefinitionProblem(Kind.INVALID_NAME, "definition",
                    "type '" + type + "' must be 1 to 64 lower-case letters, digits, '_', '.' or '-'"));
        }
        if (version < 1) {
            problems.add(new DefinitionProblem(Kind.INVALID_NUMBER, "definition", "version must be 1 or more"));
        }
        if (overallSla != null && overallSla < 1) {
            problems.add(new DefinitionProblem(Kind.INVALID_NUMBER, "definition",
                    "overallSlaWorkingDays must be 1 or more"));
        }
        Map<String, StateDefinition> byName = new LinkedHashMap<>();
        for (StateDefinition state : states) {
            checkName(state.name(), "state", problems);
            if (byName.putIfAbsent(state.name(), state) != null) {
                problems.add(new DefinitionProblem(Kind.DUPLICATE_NAME, "state " + state.name(),
                        "state defined twice"));
            }
            if (state.slaWorkingDays() != null && state.slaWorkingDays() < 1) {
                problems.add(new DefinitionProblem(Kind.INVALID_NUMBER, "state " + state.name(),
                        "slaWorkingDays must be 1 or more (leave it out for no SLA)"));
            }
        }
        if (byName.values().stream().noneMatch(StateDefinition::terminal)) {
            problems.add(new DefinitionProblem(Kind.NO_TERMINAL_STATE, "definition",
                    "no state is terminal, so no application could ever finish"));
        }
        if (start == null) {
            problems.add(new DefinitionProblem(Kind.MALFORMED, "definition", "the start state is missing"));
        } else if (!byName.containsKey(start)) {
            problems.add(new DefinitionProblem(Kind.UNKNOWN_STATE, "definition",
                    "start state '" + start + "' is not defined"));
        }
        Set<String> actionNames = new HashSet<>();
        for (ActionDefinition action : actions) {
            String where = "action " + action.name();
            checkName(action.name(), "action", problems);
            if (!actionNames.add(action.name())) {
                problems.add(new DefinitionProblem(Kind.DUPLICATE_NAME, where, "action defined twice"));
            }
            if (action.from().isEmpty()) {
                problems.add(new DefinitionProblem(Kind.ACTION_WITHOUT_FROM_STATES, where,
                        "the action names no state it may be taken from"));
            }
            for (String from : action.from()) {
                if (from.equals(ActionDefinition.ANY_OPEN_STATE)) {
                    continue;
                }
                StateDefinition state = byName.get(from);
                if (state == null) {
                    problems.add(new DefinitionProblem(Kind.UNKNOWN_STATE, where, "from-state '" + from
                            + "' is not defined"));
                } else if (state.terminal()) {
                    problems.add(new DefinitionProblem(Kind.ACTION_FROM_TERMINAL_STATE, where,
                            "from-state '" + from + "' is terminal; nothing may leave a terminal state"));
                }
            }
            if (action.to().isEmpty() || !byName.containsKey(action.to())) {
                problems.add(new DefinitionProblem(Kind.UNKNOWN_STATE, where, "to-state '" + action.to()
                        + "' is not defined"));
            }
            if (action.approvals() < 1) {
                problems.add(new DefinitionProblem(Kind.INVALID_NUMBER, where, "approvals must be 1 or more"));
            }
            if (action.by() == ActionDefinition.Performer.STAFF && action.roles().isEmpty()) {
                problems.add(new DefinitionProblem(Kind.ACTION_WITHOUT_ROLES, where,
                        "a staff action must name the roles allowed to take it"));
            }
            if (action.by() == ActionDefinition.Performer.APPLICANT
                    && (!action.roles().isEmpty() || action.approvals() > 1)) {
                problems.add(new DefinitionProblem(Kind.APPLICANT_ACTION_WITH_ROLES, where,
                        "an applicant action has no roles and exactly one approval"));
            }
        }
        for (StateDefinition state : byName.values()) {
            if (state.onSlaBreach() != null) {
                checkBreachAction(state, actions, problems);
            }
        }
        if (start != null && byName.containsKey(start)) {
            Set<String> reachable = reachable(start, byName, actions);
            Set<String> leaving = new HashSet<>();
            for (StateDefinition state : byName.values()) {
                if (!reachable.contains(state.name())) {
                    problems.add(new DefinitionProblem(Kind.UNREACHABLE_STATE, "state " + state.name(),
                            "no chain of actions leads from '" + start + "' to this state"));
                }
                for (ActionDefinition action : actions) {
                    if (action.availableIn(state.name(), state.terminal())) {
                        leaving.add(state.name());
                    }
                }
                if (!state.terminal() && !leaving.contains(state.name())) {
                    problems.add(new DefinitionProblem(Kind.DEAD_END_STATE, "state " + state.name(),
                            "the state is not terminal but no action leaves it"));
                }
            }
        }
        return problems;
    }

    private static void checkBreachAction(StateDefinition state, List<ActionDefinition> actions,
            List<DefinitionProblem> problems) {
        String where = "state " + state.name();
        String name = state.onSlaBreach();
        if (state.slaWorkingDays() == null) {
            problems.add(new DefinitionProblem(Kind.INVALID_BREACH_ACTION, where,
                    "onSlaBreach needs slaWorkingDays: a state without an SLA is never breached"));
        }
        ActionDefinition action = actions.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
        if (action == null) {
            problems.add(new DefinitionProblem(Kind.INVALID_BREACH_ACTION, where,
                    "onSlaBreach names action '" + name + "', which is not defined"));
            return;
        }
        if (!action.availableIn(state.name(), state.terminal())) {
            problems.add(new DefinitionProblem(Kind.INVALID_BREACH_ACTION, where,
                    "onSlaBreach action '" + name + "' cannot be taken from this state"));
        }
        if (action.by() != ActionDefinition.Performer.STAFF || action.approvals() != 1) {
            problems.add(new DefinitionProblem(Kind.INVALID_BREACH_ACTION, where,
                    "onSlaBreach action '" + name + "' must be a staff action needing one approval"));
        }
    }

    private static Set<String> reachable(String start, Map<String, StateDefinition> states,
            List<ActionDefinition> actions) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            String state = todo.poll();
            if (!seen.add(state)) {
                continue;
            }
            StateDefinition definition = states.get(state);
            if (definition == null) {
                continue;
            }
            for (ActionDefinition action : actions) {
                if (action.availableIn(state, definition.terminal()) && !seen.contains(action.to())) {
                    todo.add(action.to());
                }
            }
        }
        return seen;
    }

    private static void checkName(String name, String what, List<DefinitionProblem> problems) {
        if (!NAME.matcher(name).matches()) {
            problems.add(new DefinitionProblem(Kind.INVALID_NAME, what + " " + name,
                    what + " names are 1 to 64 lower-case letters, digits and '_', starting with a letter"));
        }
    }
}
