package io.gcam.benchmarks.appointment;

import io.gcam.appointment.AppointmentService;
import io.gcam.appointment.BookableService;
import io.gcam.appointment.BookableServiceDefinition;
import io.gcam.appointment.ServicePoint;
import io.gcam.appointment.ServicePointDefinition;
import io.gcam.appointment.WeeklyHours;
import io.gcam.appointment.jdbc.JdbcAppointmentStore;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.ConfiguredHolidayCalendar;
import io.gcam.core.LocalizedText;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The appointment service and its data as both benchmarks set them up. */
final class AppointmentBench {

    static final ZoneId MACAU = ZoneId.of("Asia/Macau");
    /** Monday 2 March 2026, 08:00 in Macau. */
    static final Instant NOW = LocalDate.of(2026, 3, 2).atTime(8, 0).atZone(MACAU).toInstant();
    static final Actor ADMIN = Actor.staff("bench-admin", "BENCH", AppointmentService.ADMIN);
    /** Opening hours: weekdays 09:00-13:00 and 14:30-17:30. */
    static final LocalTime[][] PERIODS = {{LocalTime.of(9, 0), LocalTime.of(13, 0)},
        {LocalTime.of(14, 30), LocalTime.of(17, 30)}};

    final JdbcAppointmentStore store;
    final AppointmentService service;
    final List<BookableService> services = new ArrayList<>();

    AppointmentBench(DataSource pool, int serviceCount, int capacity, Clock clock) {
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "appointment");
        LocalTransactions tx = LocalTransactions.over(pool);
        store = new JdbcAppointmentStore(tx.dataSource());
        service = AppointmentService.builder()
                .store(store)
                .transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                .events(event -> { })
                .holidays(ConfiguredHolidayCalendar.of(List.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 5, 1))))
                .holdDuration(Duration.ofMinutes(10))
                .clock(clock)
                .build();
        ServicePoint point = service.createServicePoint(ADMIN, ServicePointDefinition.builder()
                .agency("BENCH")
                .name(LocalizedText.english("Bench centre"))
                .location(LocalizedText.english("Somewhere"))
                .hours(WeeklyHours.builder()
                        .open(PERIODS[0][0], PERIODS[0][1], DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                        .open(PERIODS[1][0], PERIODS[1][1], DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                        .build())
                .counters("1", "2", "3", "4")
                .build());
        for (int i = 0; i < serviceCount; i++) {
            services.add(service.addService(ADMIN, BookableServiceDefinition.builder()
                    .servicePoint(point.id())
                    .code("S" + i)
                    .name(LocalizedText.english("Service " + i))
                    .slotLength(Duration.ofMinutes(15))
                    .capacityPerSlot(capacity)
                    .maximumDaysAhead(120)
                    .build()));
        }
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
