package io.gcam.appointment;

import io.gcam.appointment.internal.Texts;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A period of local wall-clock time within one day, start inclusive, end exclusive.
 *
 * @param start when it begins
 * @param end when it ends; after {@code start}
 */
public record TimeRange(LocalTime start, LocalTime end) {

    /** @throws io.gcam.core.ValidationException when {@code end} is not after {@code start} */
    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw Texts.invalid("end", "TIME_RANGE_INVALID");
        }
    }

    /**
     * @param start when it begins
     * @param end when it ends
     * @return the range
     */
    public static TimeRange of(LocalTime start, LocalTime end) {
        return new TimeRange(start, end);
    }

    /**
     * @param other another range
     * @return whether the two share any time
     */
    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
