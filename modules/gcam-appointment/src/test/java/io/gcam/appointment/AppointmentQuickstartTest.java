package io.gcam.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.appointment.jdbc.JdbcAppointmentStore;
import io.gcam.appointment.jdbc.JdbcQueueStore;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.ConfiguredHolidayCalendar;
import io.gcam.core.LocalizedText;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quick start of docs/modules/appointment.md, compiled and run. */
class AppointmentQuickstartTest {

    @Test
    void booksAnAppointmentChecksItInAndCallsIt() {
        MutableClock clock = new MutableClock(Fixture.T0);
        Actor admin = Actor.staff("admin-1", "IAM", AppointmentService.ADMIN);
        Actor counterStaff = Actor.staff("clerk-7", "IAM", AppointmentService.COUNTER);
        Actor kiosk = Actor.system("kiosk-1");
        try (HikariDataSource pool = TestDatabases.h2().newPool(4)) {
            // tag::quickstart[]
            Migrations.migrate(pool, "core");
            Migrations.migrate(pool, "appointment");
            LocalTransactions tx = LocalTransactions.over(pool);
            AuditTrail audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
            JdbcAppointmentStore store = new JdbcAppointmentStore(tx.dataSource());
            AppointmentService appointments = AppointmentService.builder()
                    .store(store).transactions(tx).audit(audit).events(SynchronousEventPublisher.create())
                    .holidays(ConfiguredHolidayCalendar.of(List.of(LocalDate.of(2026, 3, 6))))
                    .clock(clock)
                    .build();

            ServicePoint office = appointments.createServicePoint(admin, ServicePointDefinition.builder()
                    .agency("IAM")
                    .name(LocalizedText.of("Civic Centre", "市民中心", "Centro Cívico"))
                    .location(LocalizedText.of("Avenida da Praia Grande 1", "南灣大馬路1號", "Avenida da Praia Grande 1"))
                    .hours(WeeklyHours.builder()
                            .open(LocalTime.of(9, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                            .breakTime(LocalTime.of(13, 0), LocalTime.of(14, 30))
                            .build())
                    .counters("1", "2")
                    .build());                                       // zone Asia/Macau unless set
            BookableService verification = appointments.addService(admin, BookableServiceDefinition.builder()
                    .servicePoint(office.id()).code("DOC-VERIFY")
                    .name(LocalizedText.of("Document verification", "文件核對", "Verificação de documentos"))
                    .slotLength(Duration.ofMinutes(15)).capacityPerSlot(2)
                    .minimumNotice(Duration.ofHours(1)).maximumDaysAhead(30).ticketPrefix("A")
                    .build());

            Actor citizen = Actor.applicant("citizen-1");
            LocalDate today = LocalDate.now(clock.withZone(office.definition().zone()));
            Slot first = appointments.availability(citizen, verification.id(), today, today.plusDays(14)).get(0);
            Reservation held = appointments.reserve(citizen, verification.id(), first.start()); // held 10 minutes
            String code = held.manageCode();                                // show once, e.g. 7K3M-Q9XT-2B4R
            appointments.confirm(Actor.applicant("anyone"), held.appointment().id(), code); // no login needed
            String ics = appointments.calendarFile(citizen, held.appointment().id(), null, Locale.ENGLISH);

            QueueService queue = QueueService.builder()
                    .appointments(store).queue(new JdbcQueueStore(tx.dataSource()))
                    .transactions(tx).audit(audit).events(SynchronousEventPublisher.create()).clock(clock)
                    .build();
            clock.set(first.start().minus(Duration.ofMinutes(20)));       // the citizen arrives
            Ticket booked = queue.checkIn(kiosk, office.id(), "GCAM-APPT:" + code);        // B001
            Ticket walkIn = queue.takeTicket(kiosk, verification.id());                     // A001
            Optional<Ticket> called = queue.callNext(counterStaff, office.id(), "1", Set.of()); // A001: B001 not due yet
            // end::quickstart[]

            assertThat(first.localStart()).isEqualTo(today.atTime(9, 0));
            assertThat(ics).contains("BEGIN:VEVENT");
            assertThat(booked.number()).isEqualTo("B001");
            assertThat(walkIn.number()).isEqualTo("A001");
            assertThat(called).map(Ticket::number).contains("A001");
            clock.advance(Duration.ofMinutes(15));
            assertThat(queue.callNext(counterStaff, office.id(), "2", Set.of())).map(Ticket::number).contains("B001");
            assertThat(audit.verify().ok()).isTrue();
        }
    }
}
