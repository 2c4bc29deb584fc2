package io.gcam.core;

import io.gcam.core.spi.HolidayCalendar;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Working-day arithmetic: a day is a working day unless it is a weekend day or a holiday of the
 * {@link HolidayCalendar}. Used for SLA due dates, appointment lead times and similar rules.
 *
 * <pre>{@code
 * BusinessCalendar calendar = BusinessCalendar.builder()
 *         .holidays(ConfiguredHolidayCalendar.of(List.of(LocalDate.of(2026, 10, 1))))
 *         .zone(ZoneId.of("Asia/Macau"))
 *         .build();                                    // Saturday and Sunday are the weekend
 * LocalDate due = calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 2);   // 2026-10-05
 * long left = calendar.workingDaysBetween(today, due);
 * }</pre>
 *
 * <h2>Counting rules</h2>
 * <ul>
 *   <li>{@link #addWorkingDays(LocalDate, int) addWorkingDays(d, n)} for {@code n > 0} is the
 *       {@code n}-th working day after {@code d}; {@code d} itself is never counted, whether or not
 *       it is a working day. {@code n = 0} returns {@code d}; {@code n < 0} counts backwards.</li>
 *   <li>{@link #workingDaysBetween(LocalDate, LocalDate) workingDaysBetween(a, b)} counts the
 *       working days in {@code (a, b]}, and minus those in {@code [b, a)} when {@code b} is before
 *       {@code a}; so
 *       {@code workingDaysBetween(d, addWorkingDays(d, n)) == n} for every {@code d} and {@code n}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe when the holiday calendar is.
 */
public final class BusinessCalendar {

    /** Longest run of consecutive non-working days tolerated before the configuration is refused. */
    static final int MAX_CLOSED_RUN = 3660;

    private final HolidayCalendar holidays;
    private final Set<DayOfWeek> weekend;
    private final ZoneId zone;

    private BusinessCalendar(HolidayCalendar holidays, Set<DayOfWeek> weekend, ZoneId zone) {
        this.holidays = holidays;
        this.weekend = weekend;
        this.zone = zone;
    }

    /** @return a builder; by default no holidays, Saturday and Sunday off, zone {@code Asia/Macau} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param date a date
     * @return whether it is neither a weekend day nor a holiday
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !weekend.contains(date.getDayOfWeek()) && !holidays.isHoliday(date);
    }

    /**
     * @param date a date
     * @param workingDays how many working days to move; negative moves backwards
     * @return the date {@code workingDays} working days after (or before) {@code date}, see the
     *     class description
     * @throws GcamException {@code CONFIGURATION_INVALID} when the calendar has no working day within
     *     about ten years, which means the holiday calendar is wrong
     */
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        Objects.requireNonNull(date, "date");
        int step = workingDays >= 0 ? 1 : -1;
        int remaining = Math.abs(workingDays);
        LocalDate current = date;
        int closedRun = 0;
        while (remaining > 0) {
            current = current.plusDays(step);
            if (isWorkingDay(current)) {
                remaining--;
                closedRun = 0;
            } else if (++closedRun > MAX_CLOSED_RUN) {
                throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                        "the business calendar has no working day for " + MAX_CLOSED_RUN + " days around " + date
                                + "; check the holiday calendar and the weekend days");
            }
        }
        return current;
    }

    /**
     * @param from the start, not counted
     * @param to the end, counted when it is a working day
     * @return the number of working days in {@code (from, to]}; when {@code to} is before
     *     {@code from}, minus the number of working days in {@code [to, from)}
     */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            long count = 0;
            for (LocalDate d = to; d.isBefore(from); d = d.plusDays(1)) {
                if (isWorkingDay(d)) {
                    count++;
                }
            }
            return -count;
        }
        long count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /**
     * @param date a date
     * @return {@code date} when it is a working day, otherwise the next working day
     */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : addWorkingDays(date, 1);
    }

    /**
     * @param instant a point in time
     * @return its calendar date in this calendar's zone
     */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * @param clock the clock to read
     * @return today's date in this calendar's zone
     */
    public LocalDate today(Clock clock) {
        return dateOf(clock.instant());
    }

    /** @return the zone dates are taken in */
    public ZoneId zone() {
        return zone;
    }

    /** @return the weekend days */
    public Set<DayOfWeek> weekend() {
        return weekend;
    }

    /** Configures a {@link BusinessCalendar}. Not thread-safe; build once and share the result. */
    public static final class Builder {
        private HolidayCalendar holidays = HolidayCalendar.none();
        private Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        private @Nullable ZoneId zone;

        private Builder() {
        }

        /**
         * @param holidays the public holidays; default none
         * @return this builder
         */
        public Builder holidays(HolidayCalendar holidays) {
            this.holidays = Objects.requireNonNull(holidays, "holidays");
            return this;
        }

        /**
         * @param days the weekly days off; default Saturday and Sunday; may be empty
         * @return this builder
         */
        public Builder weekend(Collection<DayOfWeek> days) {
            this.weekend = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
            return this;
        }

        /**
         * @param days the weekly days off
         * @return this builder
         */
        public Builder weekend(DayOfWeek... days) {
            return weekend(java.util.Arrays.asList(days));
        }

        /**
         * @param zone the zone in which instants turn into dates; default
         *     {@link ReferenceNumberGenerator#DEFAULT_ZONE}
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * @return the calendar
         * @throws GcamException {@code CONFIGURATION_INVALID} when every day of the week is a weekend day
         */
        public BusinessCalendar build() {
            if (weekend.size() == 7) {
                throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                        "a business calendar needs at least one working day in the week");
            }
            return new BusinessCalendar(holidays, Set.copyOf(weekend),
                    zone != null ? zone : ReferenceNumberGenerator.DEFAULT_ZONE);
        }
    }
}
