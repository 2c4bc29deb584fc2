package io.gcam.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered workflow definitions, by application type and version. New applications use the
 * latest version of their type; existing applications keep the version they started with, so a
 * version stays registered as long as applications use it.
 *
 * <pre>{@code
 * WorkflowDefinitions definitions = WorkflowDefinitions.of(
 *         WorkflowDefinition.fromResource(loader, "workflows/recruitment-v1.json"));
 * }</pre>
 *
 * <p>Thread-safe; definitions may be added while the service runs.
 */
public final class WorkflowDefinitions {

    private final Map<String, NavigableMap<Integer, WorkflowDefinition>> byType = new ConcurrentHashMap<>();

    private WorkflowDefinitions() {
    }

    /**
     * @param definitions the definitions to register
     * @return a registry holding them
     * @throws IllegalArgumentException when two definitions have the same type and version
     */
    public static WorkflowDefinitions of(WorkflowDefinition... definitions) {
        WorkflowDefinitions registry = new WorkflowDefinitions();
        for (WorkflowDefinition definition : definitions) {
            registry.register(definition);
        }
        return registry;
    }

    /**
     * Registers a definition.
     *
     * @param definition the definition
     * @throws IllegalArgumentException when that type and version is already registered with a
     *     different definition object
     */
    public void register(WorkflowDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        NavigableMap<Integer, WorkflowDefinition> versions = byType.computeIfAbsent(definition.type(),
                t -> new java.util.concurrent.ConcurrentSkipListMap<>());
        WorkflowDefinition earlier = versions.putIfAbsent(definition.version(), definition);
        if (earlier != null && earlier != definition) {
            throw new IllegalArgumentException(definition + " is already registered; give the new one a new version");
        }
    }

    /**
     * @param type an application type
     * @return its latest version
     * @throws io.gcam.core.GcamException {@code WORKFLOW_TYPE_UNKNOWN} when none is registered
     */
    public WorkflowDefinition latest(String type) {
        NavigableMap<Integer, WorkflowDefinition> versions = byType.get(type);
        if (versions == null || versions.isEmpty()) {
            throw new io.gcam.core.GcamException(WorkflowErrorCode.WORKFLOW_TYPE_UNKNOWN, type);
        }
        return versions.lastEntry().getValue();
    }

    /**
     * @param type an application type
     * @param version a version
     * @return that definition
     * @throws io.gcam.core.GcamException {@code WORKFLOW_TYPE_UNKNOWN} when it is not registered
     */
    public WorkflowDefinition get(String type, int version) {
        return find(type, version).orElseThrow(
                () -> new io.gcam.core.GcamException(WorkflowErrorCode.WORKFLOW_TYPE_UNKNOWN, type + " v" + version));
    }

    /**
     * @param type an application type
     * @param version a version
     * @return that definition, if registered
     */
    public Optional<WorkflowDefinition> find(String type, int version) {
        NavigableMap<Integer, WorkflowDefinition> versions = byType.get(type);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** @return every registered definition, by type and version */
    public List<WorkflowDefinition> all() {
        List<WorkflowDefinition> all = new ArrayList<>();
        new TreeMap<>(byType).values().forEach(v -> all.addAll(v.values()));
        return all;
    }
}
