package io.gcam.appointment.internal;

import io.gcam.appointment.BookableServiceDefinition;
import io.gcam.appointment.ServicePointDefinition;
import io.gcam.appointment.TimeRange;
import io.gcam.core.spi.HolidayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the slots of a service on given days: back to back from the start of each open period,
 * in local wall-clock time of the service point's zone. A slot that does not fit before the period
 * ends is not offered; nor is one whose start or end does not exist that day (a daylight-saving gap),
 * nor one that spans a clock change and so would not last exactly the slot length. In a
 * daylight-saving overlap the earlier offset is used, so the repeated hour is offered once. Closed
 * days, closures and holidays have no slots.
 */
public final class SlotPlanner {

    /** One planned slot. */
    public record Planned(Instant start, Instant end, LocalDateTime localStart) {
    }

    private SlotPlanner() {
    }

    /**
     * @param point the service point
     * @param service the service
     * @param holidays the public holidays
     * @param day a local day
     * @return the day's slots in time order
     */
    public static List<Planned> plan(ServicePointDefinition point, BookableServiceDefinition service,
            HolidayCalendar holidays, LocalDate day) {
        if (point.isClosedOn(day) || holidays.isHoliday(day)) {
            return List.of();
        }
        ZoneId zone = point.zone();
        Duration length = service.slotLength();
        List<Planned> slots = new ArrayList<>();
        for (TimeRange period : point.hours().on(day.getDayOfWeek())) {
            LocalDateTime periodEnd = day.atTime(period.end());
            for (LocalDateTime start = day.atTime(period.start()); ; start = start.plus(length)) {
                LocalDateTime end = start.plus(length);
                if (end.isAfter(periodEnd)) {
                    break;
                }
                if (!exists(start, zone) || !exists(end, zone)) {
                    continue;
                }
                Instant s = ZonedDateTime.of(start, zone).toInstant();
                Instant e = ZonedDateTime.of(end, zone).toInstant();
                if (Duration.between(s, e).equals(length)) {
                    slots.add(new Planned(s, e, start));
                }
            }
        }
        return slots;
    }

    private static boolean exists(LocalDateTime local, ZoneId zone) {
        return !zone.getRules().getValidOffsets(local).isEmpty();
    }
}
