package io.gcam.notification;

import io.gcam.core.GcamException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The templates a service can send, every registered version kept. Thread-safe.
 */
public final class NotificationTemplates {

    private final Map<String, NavigableMap<Integer, NotificationTemplate>> byId = new ConcurrentHashMap<>();

    private NotificationTemplates() {
    }

    /**
     * @param templates the initial templates
     * @return a registry holding them
     */
    public static NotificationTemplates of(NotificationTemplate... templates) {
        NotificationTemplates registry = new NotificationTemplates();
        for (NotificationTemplate t : templates) {
            registry.register(t);
        }
        return registry;
    }

    /**
     * Adds a template version. Registering the same id and version again replaces it.
     *
     * @param template the template
     * @return this registry
     */
    public NotificationTemplates register(NotificationTemplate template) {
        Objects.requireNonNull(template, "template");
        byId.computeIfAbsent(template.id(), id -> new ConcurrentSkipListMap<>()).put(template.version(), template);
        return this;
    }

    /**
     * @param id the template id
     * @return the highest version of the template
     * @throws GcamException {@code TEMPLATE_NOT_FOUND}
     */
    public NotificationTemplate latest(String id) {
        NavigableMap<Integer, NotificationTemplate> versions = byId.get(id);
        if (versions == null || versions.isEmpty()) {
            throw new GcamException(NotificationErrorCode.TEMPLATE_NOT_FOUND, id);
        }
        return versions.lastEntry().getValue();
    }

    /**
     * @param id the template id
     * @param version the version
     * @return that version, or empty
     */
    public Optional<NotificationTemplate> find(String id, int version) {
        NavigableMap<Integer, NotificationTemplate> versions = byId.get(id);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** @return the latest version of every template */
    public List<NotificationTemplate> all() {
        return byId.values().stream().map(v -> v.lastEntry().getValue()).toList();
    }
}
