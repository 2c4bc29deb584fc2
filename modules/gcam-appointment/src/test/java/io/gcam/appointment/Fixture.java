package io.gcam.appointment;

import io.gcam.appointment.jdbc.JdbcAppointmentStore;
import io.gcam.appointment.jdbc.JdbcQueueStore;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.ConfiguredHolidayCalendar;
import io.gcam.core.DomainEvent;
import io.gcam.core.LocalizedText;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** An appointment and a queue service on a real database with a real audit trail. */
final class Fixture {

    static final ZoneId MACAU = ZoneId.of("Asia/Macau");
    /** Monday 2 March 2026, 08:00 in Macau. */
    static final Instant T0 = LocalDate.of(2026, 3, 2).atTime(8, 0).atZone(MACAU).toInstant();
    /** A public holiday: Friday 6 March 2026. */
    static final LocalDate HOLIDAY = LocalDate.of(2026, 3, 6);

    static final Actor ADMIN = Actor.staff("admin-1", "IAM", AppointmentService.ADMIN);
    static final Actor COUNTER = Actor.staff("counter-1", "IAM", AppointmentService.COUNTER);
    static final Actor OTHER_AGENCY = Actor.staff("counter-9", "DSAL", AppointmentService.COUNTER);
    static final Actor KIOSK = Actor.system("kiosk");

    final MutableClock clock = new MutableClock(T0);
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final LocalTransactions tx;
    final AuditTrail audit;
    final JdbcAppointmentStore store;
    final JdbcQueueStore queueStore;
    final AppointmentService service;
    final QueueService queue;

    Fixture(DataSource pool) {
        this(pool, true);
    }

    Fixture(DataSource pool, boolean migrate) {
        if (migrate) {
            Migrations.migrate(pool, "core");
            Migrations.migrate(pool, "appointment");
        }
        tx = LocalTransactions.over(pool);
        audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        store = new JdbcAppointmentStore(tx.dataSource());
        queueStore = new JdbcQueueStore(tx.dataSource());
        service = AppointmentService.builder()
                .store(store)
                .transactions(tx)
                .audit(audit)
                .events(events::add)
                .holidays(ConfiguredHolidayCalendar.of(List.of(HOLIDAY)))
                .holdDuration(Duration.ofMinutes(10))
                .clock(clock)
                .build();
        queue = QueueService.builder()
                .appointments(store)
                .queue(queueStore)
                .transactions(tx)
                .audit(audit)
                .events(events::add)
                .clock(clock)
                .build();
    }

    /** Weekdays 09:00-17:00 with a lunch break 13:00-14:00. */
    static WeeklyHours officeHours() {
        return WeeklyHours.builder()
                .open(LocalTime.of(9, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .breakTime(LocalTime.of(13, 0), LocalTime.of(14, 0))
                .build();
    }

    ServicePoint servicePoint(ZoneId zone, WeeklyHours hours, String... counters) {
        return service.createServicePoint(ADMIN, ServicePointDefinition.builder()
                .agency("IAM")
                .name(LocalizedText.of("Civic Centre", "市民中心", "Centro Cívico"))
                .location(LocalizedText.of("Avenida, 1; Macau", "大馬路1號", "Avenida, 1"))
                .zone(zone)
                .hours(hours)
                .closure(LocalDate.of(2026, 3, 4))
                .counters(counters.length == 0 ? new String[] {"1", "2"} : counters)
                .build());
    }

    BookableService bookable(ServicePoint point, int capacity, Duration slot) {
        return service.addService(ADMIN, BookableServiceDefinition.builder()
                .servicePoint(point.id())
                .code("DOC-" + point.id().value().substring(30))
                .name(LocalizedText.of("Document verification", "文件核對", "Verificação de documentos"))
                .slotLength(slot)
                .capacityPerSlot(capacity)
                .minimumNotice(Duration.ofHours(1))
                .maximumDaysAhead(30)
                .ticketPrefix("A")
                .build());
    }

    BookableService standard() {
        return bookable(servicePoint(MACAU, officeHours()), 2, Duration.ofMinutes(30));
    }

    static Actor applicant(int n) {
        return Actor.applicant("applicant-" + n);
    }

    static Instant macau(int year, int month, int day, int hour, int minute) {
        return LocalDate.of(year, month, day).atTime(hour, minute).atZone(MACAU).toInstant();
    }
}
