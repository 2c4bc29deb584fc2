package io.gcam.appointment;

import io.gcam.appointment.internal.Texts;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Weekly opening hours of a service point: for each day of the week the periods it is open, breaks
 * already taken out. A day without periods is closed.
 *
 * <pre>{@code
 * WeeklyHours hours = WeeklyHours.builder()
 *         .open(LocalTime.of(9, 0), LocalTime.of(17, 30), MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)
 *         .breakTime(LocalTime.of(13, 0), LocalTime.of(14, 30))      // every open day
 *         .build();
 * }</pre>
 *
 * @param periods the open periods per day, sorted and not overlapping; days that are closed are absent
 */
public record WeeklyHours(Map<DayOfWeek, List<TimeRange>> periods) {

    /** Copies the periods, sorting each day's periods and refusing overlaps. */
    public WeeklyHours {
        EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        periods.forEach((day, ranges) -> {
            List<TimeRange> sorted = new ArrayList<>(ranges);
            sorted.sort((a, b) -> a.start().compareTo(b.start()));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                    throw Texts.invalid("hours." + day, "TIME_RANGE_INVALID");
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(Objects.requireNonNull(day, "day"), List.copyOf(sorted));
            }
        });
        periods = java.util.Collections.unmodifiableMap(copy);
    }

    /** @return a builder with every day closed */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param day a day of the week
     * @return its open periods, empty when closed
     */
    public List<TimeRange> on(DayOfWeek day) {
        return periods.getOrDefault(day, List.of());
    }

    /** @return whether the service point is open on at least one day */
    public boolean isOpenAnyDay() {
        return !periods.isEmpty();
    }

    /**
     * A compact text form for storage, such as {@code MON 09:00-13:00,14:30-17:30;TUE 09:00-13:00}.
     *
     * @return the text that {@link #parse(String)} reads back
     */
    public String format() {
        StringJoiner days = new StringJoiner(";");
        periods.forEach((day, ranges) -> {
            StringJoiner r = new StringJoiner(",");
            ranges.forEach(t -> r.add(t.start() + "-" + t.end()));
            days.add(day.name().substring(0, 3) + " " + r);
        });
        return days.toString();
    }

    /**
     * @param text the form {@link #format()} writes; blank for closed every day
     * @return the opening hours
     * @throws IllegalArgumentException when the text is not in that form
     */
    public static WeeklyHours parse(String text) {
        Map<DayOfWeek, List<TimeRange>> periods = new EnumMap<>(DayOfWeek.class);
        if (!text.isBlank()) {
            for (String dayText : text.split(";")) {
                String[] parts = dayText.trim().split(" ", 2);
                DayOfWeek day = Arrays.stream(DayOfWeek.values())
                        .filter(d -> d.name().startsWith(parts[0].toUpperCase(Locale.ROOT)))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("not a day: " + parts[0]));
                List<TimeRange> ranges = new ArrayList<>();
                for (String range : parts[1].split(",")) {
                    String[] times = range.split("-");
                    ranges.add(new TimeRange(LocalTime.parse(times[0]), LocalTime.parse(times[1])));
                }
                periods.put(day, ranges);
            }
        }
        return new WeeklyHours(periods);
    }

    /** Configures {@link WeeklyHours}. Not thread-safe. */
    public static final class Builder {
        private final Map<DayOfWeek, List<TimeRange>> periods = new EnumMap<>(DayOfWeek.class);

        private Builder() {
        }

        /**
         * Opens the given days from {@code start} to {@code end} (adds a period; call again for a
         * second period on the same day).
         *
         * @param start opening time
         * @param end closing time
         * @param days the days; at least one
         * @return this builder
         */
        public Builder open(LocalTime start, LocalTime end, DayOfWeek... days) {
            TimeRange range = new TimeRange(start, end);
            if (days.length == 0) {
                throw new IllegalArgumentException("name at least one day");
            }
            for (DayOfWeek day : days) {
                periods.computeIfAbsent(day, d -> new ArrayList<>()).add(range);
            }
            return this;
        }

        /**
         * Takes a break out of the open periods of the given days (of every day opened so far when
         * no day is given).
         *
         * @param start when the break begins
         * @param end when it ends
         * @param days the days; none for every day opened so far
         * @return this builder
         */
        public Builder breakTime(LocalTime start, LocalTime end, DayOfWeek... days) {
            TimeRange pause = new TimeRange(start, end);
            List<DayOfWeek> which = days.length == 0 ? new ArrayList<>(periods.keySet()) : Arrays.asList(days);
            for (DayOfWeek day : which) {
                List<TimeRange> result = new ArrayList<>();
                for (TimeRange open : periods.getOrDefault(day, List.of())) {
                    if (!open.overlaps(pause)) {
                        result.add(open);
                        continue;
                    }
                    if (open.start().isBefore(pause.start())) {
                        result.add(new TimeRange(open.start(), pause.start()));
                    }
                    if (open.end().isAfter(pause.end())) {
                        result.add(new TimeRange(pause.end(), open.end()));
                    }
                }
                periods.put(day, result);
            }
            return this;
        }

        /** @return the opening hours */
        public WeeklyHours build() {
            return new WeeklyHours(periods);
        }
    }
}
