package io.gcam.registration.internal;

import io.gcam.core.NotFoundException;
import io.gcam.registration.Activity;
import io.gcam.registration.ActivityId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps activities as first read, for their definitions: what an agency defined for an activity (its
 * window, sessions, capacities, conditions) never changes once it is stored, so it can be kept for
 * as long as the service lives, also when several application instances share the store. The status
 * and seat counters of a kept activity are out of date by design; callers read those fresh.
 *
 * <p>Bounded: when it holds more than {@code maxEntries} activities it starts afresh. Thread-safe.
 */
public final class DefinitionCache {

    private final Function<ActivityId, Optional<Activity>> loader;
    private final int maxEntries;
    private final Map<ActivityId, Activity> entries = new ConcurrentHashMap<>();

    /**
     * @param loader reads an activity from the store
     * @param maxEntries how many activities to keep at most
     */
    public DefinitionCache(Function<ActivityId, Optional<Activity>> loader, int maxEntries) {
        this.loader = Objects.requireNonNull(loader, "loader");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
    }

    /**
     * @param id an activity that exists
     * @return the activity as first read (its definition is current; status and counters may not be)
     * @throws NotFoundException when the store does not have it
     */
    public Activity get(ActivityId id) {
        Activity cached = entries.get(id);
        if (cached != null) {
            return cached;
        }
        Activity loaded = loader.apply(id).orElseThrow(() -> new NotFoundException("activity", id));
        put(loaded);
        return loaded;
    }

    /** @param activity an activity just created or read */
    public void put(Activity activity) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(activity.id(), activity);
    }

    /** @param id an activity that an administrator changed */
    public void evict(ActivityId id) {
        entries.remove(id);
    }
}
