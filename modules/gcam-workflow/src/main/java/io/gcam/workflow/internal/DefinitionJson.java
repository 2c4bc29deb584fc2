package io.gcam.workflow.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.LocalizedText;
import io.gcam.workflow.ActionDefinition;
import io.gcam.workflow.DefinitionProblem;
import io.gcam.workflow.DefinitionProblem.Kind;
import io.gcam.workflow.StateDefinition;
import io.gcam.workflow.WorkflowDefinition;
import io.gcam.workflow.WorkflowDefinitionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads the JSON form of a workflow definition. */
public final class DefinitionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("type", "version", "start", "overallSlaWorkingDays", "states",
            "actions", "description");
    private static final Set<String> STATE = Set.of("name", "label", "terminal", "slaWorkingDays",
            "documentsAllowed", "onSlaBreach", "description");
    private static final Set<String> ACTION = Set.of("name", "from", "to", "by", "roles", "commentRequired",
            "approvals", "notByPreviousActor", "guards", "description");
    private static final Set<String> LABEL = Set.of("en", "zhHant", "pt");

    private DefinitionJson() {
    }

    /** Reads and validates a definition. */
    public static WorkflowDefinition read(InputStream json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed("definition", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed("definition", "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw malformed("definition", "the definition must be a JSON object");
        }
        List<DefinitionProblem> problems = new ArrayList<>();
        unknownFields(root, TOP, "definition", problems);
        String type = text(root, "type", "definition", problems);
        int version = root.path("version").isInt() ? root.get("version").asInt() : missingInt("version", problems);
        WorkflowDefinition.Builder builder = WorkflowDefinition.builder(type == null ? "" : type, version);
        builder.start(root.path("start").isTextual() ? root.get("start").asText() : null);
        builder.overallSlaWorkingDays(optionalInt(root, "overallSlaWorkingDays", "definition", problems));
        for (JsonNode state : array(root, "states", "definition", problems)) {
            String where = "state " + state.path("name").asText("?");
            if (!state.isObject()) {
                problems.add(new DefinitionProblem(Kind.MALFORMED, "definition", "states must hold objects"));
                continue;
            }
            unknownFields(state, STATE, where, problems);
            String name = text(state, "name", where, problems);
            LocalizedText label = label(state.get("label"), where, problems);
            if (name != null && label != null) {
                builder.state(new StateDefinition(name, label, state.path("terminal").asBoolean(false),
                        optionalInt(state, "slaWorkingDays", where, problems),
                        state.path("documentsAllowed").asBoolean(false), optionalText(state, "onSlaBreach", where,
                        problems)));
            }
        }
        for (JsonNode action : array(root, "actions", "definition", problems)) {
            String where = "action " + action.path("name").asText("?");
            if (!action.isObject()) {
                problems.add(new DefinitionProblem(Kind.MALFORMED, "definition", "actions must hold objects"));
                continue;
            }
            unknownFields(action, ACTION, where, problems);
            String name = text(action, "name", where, problems);
            String to = text(action, "to", where, problems);
            String by = action.path("by").asText("STAFF");
            ActionDefinition.Performer performer;
            try {
                performer = ActionDefinition.Performer.valueOf(by);
            } catch (IllegalArgumentException e) {
                problems.add(new DefinitionProblem(Kind.MALFORMED, where, "by must be STAFF or APPLICANT, not " + by));
                performer = ActionDefinition.Performer.STAFF;
            }
            Integer approvals = optionalInt(action, "approvals", where, problems);
            if (name != null && to != null) {
                builder.action(new ActionDefinition(name, strings(action, "from", where, problems), to, performer,
                        strings(action, "roles", where, problems), action.path("commentRequired").asBoolean(false),
                        approvals == null ? 1 : approvals, action.path("notByPreviousActor").asBoolean(false),
                        List.copyOf(strings(action, "guards", where, problems))));
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowDefinitionException((type == null ? "?" : type) + " v" + version, problems);
        }
        return builder.build();
    }

    private static WorkflowDefinitionException malformed(String where, String detail) {
        return new WorkflowDefinitionException("?", List.of(new DefinitionProblem(Kind.MALFORMED, where, detail)));
    }

    private static int missingInt(String field, List<DefinitionProblem> problems) {
        problems.add(new DefinitionProblem(Kind.MALFORMED, "definition", field + " must be a whole number"));
        return 0;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String where,
            List<DefinitionProblem> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!known.contains(field)) {
                problems.add(new DefinitionProblem(Kind.MALFORMED, where, "unknown field '" + field + "'"));
            }
        }
    }

    private static @Nullable String text(JsonNode node, String field, String where, List<DefinitionProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            problems.add(new DefinitionProblem(Kind.MALFORMED, where, field + " must be a string"));
            return null;
        }
        return value.asText();
    }

    private static @Nullable String optionalText(JsonNode node, String field, String where,
            List<DefinitionProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new DefinitionProblem(Kind.MALFORMED, where, field + " must be a string"));
            return null;
        }
        return value.asText();
    }

    private static @Nullable Integer optionalInt(JsonNode node, String field, String where,
            List<DefinitionProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt()) {
            problems.add(new DefinitionProblem(Kind.MALFORMED, where, field + " must be a whole number"));
            return null;
        }
        return value.asInt();
    }

    private static Iterable<JsonNode> array(JsonNode node, String field, String where,
            List<DefinitionProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            problems.add(new DefinitionProblem(Kind.MALFORMED, where, field + " must be an array"));
            return List.of();
        }
        return value;
    }

    private static Set<String> strings(JsonNode node, String field, String where, List<DefinitionProblem> problems) {
        JsonNode value = node.get(field);
        Set<String> result = new LinkedHashSet<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            problems.add(new DefinitionProblem(Kind.MALFORMED, where, field + " must be an array of strings"));
            return result;
        }
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                problems.add(new DefinitionProblem(Kind.MALFORMED, where, field + " must hold strings only"));
            } else {
                result.add(element.asText());
            }
        }
        return result;
    }

    private static @Nullable LocalizedText label(@Nullable JsonNode node, String where,
            List<DefinitionProblem> problems) {
        if (node == null || !node.isObject() || !node.path("en").isTextual()) {
            problems.add(new DefinitionProblem(Kind.MALFORMED, where,
                    "label must be an object with at least \"en\" (and \"zhHant\", \"pt\")"));
            return null;
        }
        unknownFields(node, LABEL, where + " label", problems);
        try {
            return LocalizedText.of(node.get("en").asText(), node.path("zhHant").isTextual()
                    ? node.get("zhHant").asText() : null, node.path("pt").isTextual() ? node.get("pt").asText() : null);
        } catch (IllegalArgumentException e) {
            problems.add(new DefinitionProblem(Kind.MALFORMED, where, "label: " + e.getMessage()));
            return null;
        }
    }
}
