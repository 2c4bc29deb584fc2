package io.gcam.records;

import java.time.Instant;
import java.util.Objects;

/**
 * The lock a staff member holds on a record while editing it. Only they may check in a new version.
 *
 * @param subjectId who holds the lock
 * @param at when it was taken
 * @param reason why, as given at check-out
 */
public record CheckOut(String subjectId, Instant at, String reason) {

    /** Checks that every field is present. */
    public CheckOut {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
