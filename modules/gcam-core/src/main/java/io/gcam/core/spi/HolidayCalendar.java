package io.gcam.core.spi;

import java.time.LocalDate;

/**
 * Tells which dates are public holidays (or other closure days) for an agency. Weekends are not
 * holidays: {@link io.gcam.core.BusinessCalendar} adds its configured weekend days on top.
 *
 * <p>Guarantees an implementation must give:
 * <ul>
 *   <li>The answer for a date does not change while a calculation runs; an implementation that
 *       reloads its dates swaps them atomically.</li>
 *   <li>It is thread-safe and fast enough to be asked once per day of a working-day calculation
 *       (cache remote lookups).</li>
 * </ul>
 *
 * <p>The default is {@link io.gcam.core.ConfiguredHolidayCalendar}, built from a list of dates.
 */
@FunctionalInterface
public interface HolidayCalendar {

    /**
     * @param date a calendar date in the agency's zone
     * @return whether the date is a public holiday or closure day
     */
    boolean isHoliday(LocalDate date);

    /** @return a calendar without holidays */
    static HolidayCalendar none() {
        return date -> false;
    }
}
