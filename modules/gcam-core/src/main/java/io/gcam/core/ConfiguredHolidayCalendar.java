package io.gcam.core;

import io.gcam.core.spi.HolidayCalendar;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The default {@link HolidayCalendar}: a fixed set of dates, for example the public holidays an
 * agency publishes each year.
 *
 * <pre>{@code
 * HolidayCalendar holidays = ConfiguredHolidayCalendar.of(List.of(
 *         LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 12, 20)));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfiguredHolidayCalendar implements HolidayCalendar {

    private final Set<LocalDate> dates;

    private ConfiguredHolidayCalendar(Collection<LocalDate> dates) {
        for (LocalDate date : dates) {
            Objects.requireNonNull(date, "holiday date");
        }
        this.dates = Set.copyOf(dates);
    }

    /**
     * @param dates the holidays; duplicates are ignored
     * @return a calendar in which exactly those dates are holidays
     * @throws NullPointerException when a date is {@code null}
     */
    public static ConfiguredHolidayCalendar of(Collection<LocalDate> dates) {
        return new ConfiguredHolidayCalendar(Objects.requireNonNull(dates, "dates"));
    }

    /**
     * Parses ISO dates such as {@code 2026-10-01}, as they come from a configuration file.
     *
     * @param isoDates the holidays as ISO-8601 dates; blank entries are ignored
     * @return the calendar
     * @throws GcamException {@code CONFIGURATION_INVALID} when an entry is not an ISO date
     */
    public static ConfiguredHolidayCalendar parse(Collection<String> isoDates) {
        Set<LocalDate> dates = new TreeSet<>();
        for (String text : isoDates) {
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                dates.add(LocalDate.parse(text.trim()));
            } catch (java.time.format.DateTimeParseException e) {
                throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e,
                        "holiday '" + text + "' is not an ISO date such as 2026-10-01");
            }
        }
        return new ConfiguredHolidayCalendar(dates);
    }

    @Override
    public boolean isHoliday(LocalDate date) {
        return dates.contains(date);
    }

    /** @return the configured dates, in calendar order */
    public SortedSet<LocalDate> dates() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(dates));
    }
}
