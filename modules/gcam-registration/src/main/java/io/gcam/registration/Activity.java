package io.gcam.registration;

import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An activity applicants register for, as stored.
 *
 * @param id the activity's identifier
 * @param status where it stands in its life cycle
 * @param definition what the agency defined
 * @param sessions its sessions, with identifiers and seat counters, in display order
 * @param createdAt when it was created
 */
public record Activity(ActivityId id, ActivityStatus status, ActivityDefinition definition, List<Session> sessions,
        Instant createdAt) {

    /** Checks that no component is {@code null} and copies the sessions. */
    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(definition, "definition");
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return the agency that runs the activity */
    public String agency() {
        return definition.agency();
    }

    /** @return the title */
    public LocalizedText title() {
        return definition.title();
    }

    /**
     * @param sessionId a session identifier
     * @return that session of this activity, if it is one
     */
    public Optional<Session> session(SessionId sessionId) {
        return sessions.stream().filter(s -> s.id().equals(sessionId)).findFirst();
    }

    /**
     * @param now the current instant
     * @return whether the activity is open and {@code now} lies in its registration window
     */
    public boolean takesRegistrationsAt(Instant now) {
        return status == ActivityStatus.OPEN && !now.isBefore(definition.registrationOpens())
                && now.isBefore(definition.registrationCloses());
    }

    /**
     * @param status the new status
     * @return a copy with that status
     */
    public Activity withStatus(ActivityStatus status) {
        return new Activity(id, status, definition, sessions, createdAt);
    }
}
