package io.gcam.workflow;

import io.gcam.core.Actor;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step in an application's history. Entries are numbered 1, 2, 3, ... per application, and
 * entry {@code n} is written by the change that made version {@code n}.
 *
 * @param applicationId the application
 * @param sequence the entry's number, equal to the application version it produced
 * @param at when it happened
 * @param actorId subject id of who acted
 * @param actorKind applicant, staff or system
 * @param action the action taken ({@code submit} for the submission, {@code assign} for an
 *     assignment)
 * @param fromState the state before, or {@code null} for the submission
 * @param toState the state after; equal to {@code fromState} when an approval was recorded without
 *     a state change
 * @param comment the comment given, or {@code null}; internal, never shown to the applicant
 */
public record HistoryEntry(
        String applicationId,
        long sequence,
        Instant at,
        String actorId,
        Actor.Kind actorKind,
        String action,
        @Nullable String fromState,
        String toState,
        @Nullable String comment) {

    /** Checks the required fields. */
    public HistoryEntry {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(toState, "toState");
    }

    /** @return whether this entry changed the state (submissions included) */
    public boolean changedState() {
        return !toState.equals(fromState);
    }
}
