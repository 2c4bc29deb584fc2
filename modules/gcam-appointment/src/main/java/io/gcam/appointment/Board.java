package io.gcam.appointment;

import java.util.List;
import java.util.Objects;

/**
 * What the display board of a service point shows.
 *
 * @param servicePointId the service point
 * @param counters the last number called to each counter that has called one today, most recent first
 * @param recent the most recent calls, most recent first (a counter may appear more than once)
 * @param waiting how many tickets wait
 */
public record Board(ServicePointId servicePointId, List<BoardEntry> counters, List<BoardEntry> recent, int waiting) {

    /** Copies the lists. */
    public Board {
        Objects.requireNonNull(servicePointId, "servicePointId");
        counters = List.copyOf(counters);
        recent = List.copyOf(recent);
    }
}
