package io.gcam.registration;

import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.util.Objects;

/**
 * One session of an activity, with its seat counters as last read from the store.
 *
 * @param id the session's identifier
 * @param activityId the activity it belongs to
 * @param definition venue, time and capacity
 * @param taken seats held by confirmed registrations, 0 to {@code capacity}
 * @param waitlisted registrations waiting for a seat of this session
 */
public record Session(SessionId id, ActivityId activityId, SessionDefinition definition, int taken, int waitlisted) {

    /** Checks that no component is {@code null}. */
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(definition, "definition");
    }

    /** @return the venue */
    public LocalizedText venue() {
        return definition.venue();
    }

    /** @return when the session starts */
    public Instant startsAt() {
        return definition.startsAt();
    }

    /** @return the number of seats */
    public int capacity() {
        return definition.capacity();
    }

    /** @return seats still free when the counters were read */
    public int freeSeats() {
        return Math.max(0, definition.capacity() - taken);
    }
}
