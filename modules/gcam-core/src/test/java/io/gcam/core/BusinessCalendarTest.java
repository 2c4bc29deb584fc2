package io.gcam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.spi.HolidayCalendar;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    // 2026-09-30 is a Wednesday; 2026-10-01 and 2026-10-02 are Macao public holidays.
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 9, 30);
    private final BusinessCalendar calendar = BusinessCalendar.builder()
            .holidays(ConfiguredHolidayCalendar.of(List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2))))
            .build();

    @Test
    void skipsWeekendsAndHolidaysWhenAddingWorkingDays() {
        assertThat(calendar.addWorkingDays(WEDNESDAY, 1)).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(calendar.addWorkingDays(WEDNESDAY, 2)).isEqualTo(LocalDate.of(2026, 10, 6));
        assertThat(calendar.addWorkingDays(WEDNESDAY, 0)).isEqualTo(WEDNESDAY);
    }

    @Test
    void countsBackwardsForNegativeWorkingDays() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 5), -1)).isEqualTo(WEDNESDAY);
    }

    @Test
    void neverCountsTheStartDayEvenWhenItIsClosed() {
        LocalDate saturday = LocalDate.of(2026, 10, 3);
        assertThat(calendar.addWorkingDays(saturday, 1)).isEqualTo(LocalDate.of(2026, 10, 5));
    }

    @Test
    void workingDaysBetweenIsTheInverseOfAddWorkingDays() {
        for (int start = 0; start < 21; start++) {
            LocalDate from = WEDNESDAY.plusDays(start);
            for (int n = -12; n <= 12; n++) {
                assertThat(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n)))
                        .as("from %s, n %d", from, n).isEqualTo(n);
            }
        }
    }

    @Test
    void countsWorkingDaysInTheHalfOpenInterval() {
        assertThat(calendar.workingDaysBetween(WEDNESDAY, LocalDate.of(2026, 10, 9))).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(WEDNESDAY, WEDNESDAY)).isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 9), WEDNESDAY)).isEqualTo(-5);
    }

    @Test
    void usesConfiguredWeekendDays() {
        BusinessCalendar fridayOff = BusinessCalendar.builder().weekend(DayOfWeek.FRIDAY).build();
        LocalDate thursday = LocalDate.of(2026, 10, 1);
        assertThat(fridayOff.addWorkingDays(thursday, 1)).isEqualTo(LocalDate.of(2026, 10, 3));
        assertThat(fridayOff.isWorkingDay(LocalDate.of(2026, 10, 4))).isTrue();
        assertThat(BusinessCalendar.builder().weekend(List.of()).build().isWorkingDay(LocalDate.of(2026, 10, 4)))
                .isTrue();
    }

    @Test
    void rejectsACalendarWithoutWorkingWeekdays() {
        assertThatThrownBy(() -> BusinessCalendar.builder().weekend(DayOfWeek.values()).build())
                .isInstanceOfSatisfying(GcamException.class,
                        e -> assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID"));
    }

    @Test
    void refusesToLoopForeverWhenEveryDayIsAHoliday() {
        BusinessCalendar closed = BusinessCalendar.builder().holidays(date -> true).build();
        assertThatThrownBy(() -> closed.addWorkingDays(WEDNESDAY, 1))
                .isInstanceOfSatisfying(GcamException.class,
                        e -> assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID"));
    }

    @Test
    void takesTodayInTheConfiguredZone() {
        Clock clock = Clock.fixed(Instant.parse("2026-09-30T17:00:00Z"), ZoneOffset.UTC);
        assertThat(calendar.today(clock)).isEqualTo(LocalDate.of(2026, 10, 1)); // 01:00 in Macao
        BusinessCalendar utc = BusinessCalendar.builder().zone(ZoneId.of("UTC")).build();
        assertThat(utc.today(clock)).isEqualTo(WEDNESDAY);
    }

    @Test
    void parsesIsoHolidayDatesAndRefusesOthers() {
        ConfiguredHolidayCalendar parsed = ConfiguredHolidayCalendar.parse(List.of("2026-10-01", " ", "2026-01-01"));
        assertThat(parsed.dates()).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 1));
        assertThat(parsed.isHoliday(LocalDate.of(2026, 10, 1))).isTrue();
        assertThat(HolidayCalendar.none().isHoliday(LocalDate.of(2026, 10, 1))).isFalse();
        assertThatThrownBy(() -> ConfiguredHolidayCalendar.parse(List.of("1/10/2026")))
                .isInstanceOfSatisfying(GcamException.class,
                        e -> assertThat(e.code()).isEqualTo("CONFIGURATION_INVALID"));
    }
}
