package io.gcam.catalog;

import java.time.YearMonth;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one service performed in one month.
 *
 * @param serviceCode the service
 * @param month the calendar month (in the calendar's time zone)
 * @param received applications received in the month
 * @param completed applications that reached a final state in the month
 * @param medianWorkingDays median working days from receipt to completion of the applications
 *     completed in the month, or {@code null} when none was completed
 * @param slaWorkingDays the service's committed maximum ({@link ProcessingTime#maxWorkingDays()}),
 *     or {@code null} when it promises none
 * @param slaCompliance the share (0 to 1) of the applications completed in the month that took at
 *     most {@code slaWorkingDays}, or {@code null} when there is no commitment or none was completed
 */
public record MonthlyFigures(String serviceCode, YearMonth month, long received, long completed,
        @Nullable Double medianWorkingDays, @Nullable Integer slaWorkingDays, @Nullable Double slaCompliance) {

    /** Checks the required fields. */
    public MonthlyFigures {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(month, "month");
    }
}
