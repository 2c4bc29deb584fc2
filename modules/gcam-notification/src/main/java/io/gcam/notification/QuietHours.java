package io.gcam.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily period in which a channel sends nothing (e.g. SMS from 22:00 to 08:00 local time);
 * notifications due then wait until it ends.
 *
 * @param start start of the quiet period (inclusive)
 * @param end end of the quiet period (exclusive); before {@code start} means it spans midnight
 * @param zone the time zone the times are in
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** Checks the components are present and differ. */
    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours need different start and end times");
        }
    }

    /**
     * @param at a time
     * @return the end of the quiet period containing {@code at}, or empty when {@code at} is not quiet
     */
    public Optional<Instant> endOfQuietPeriod(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean spansMidnight = end.isBefore(start);
        boolean quiet = spansMidnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime endToday = local.with(end);
        ZonedDateTime resume = endToday.isAfter(local) ? endToday : endToday.plusDays(1);
        return Optional.of(resume.toInstant());
    }
}
