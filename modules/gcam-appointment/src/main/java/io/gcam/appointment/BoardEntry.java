package io.gcam.appointment;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the display board: the number last called to a counter.
 *
 * @param counter the counter
 * @param number the ticket number called there
 * @param calledAt when it was (last) called
 */
public record BoardEntry(String counter, String number, Instant calledAt) {

    /** Checks that nothing is missing. */
    public BoardEntry {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(calledAt, "calledAt");
    }
}
