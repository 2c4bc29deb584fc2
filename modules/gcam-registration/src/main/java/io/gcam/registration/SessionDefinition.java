package io.gcam.registration;

import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.util.Objects;

/**
 * One session of an activity as the agency defines it: where, when, and how many seats.
 *
 * @param venue where it takes place, in the three languages
 * @param startsAt when it starts
 * @param endsAt when it ends; after {@code startsAt}
 * @param capacity number of seats, at least 1
 */
public record SessionDefinition(LocalizedText venue, Instant startsAt, Instant endsAt, int capacity) {

    /** Checks that no component is {@code null}; the service validates the values. */
    public SessionDefinition {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
    }
}
