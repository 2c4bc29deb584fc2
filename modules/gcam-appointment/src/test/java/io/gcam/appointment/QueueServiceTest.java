package io.gcam.appointment;

import static io.gcam.appointment.Fixture.COUNTER;
import static io.gcam.appointment.Fixture.KIOSK;
import static io.gcam.appointment.Fixture.OTHER_AGENCY;
import static io.gcam.appointment.Fixture.applicant;
import static io.gcam.appointment.Fixture.macau;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.testsupport.db.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueueServiceTest {

    private HikariDataSource pool;
    private Fixture f;
    private BookableService service;
    private ServicePointId point;

    @BeforeEach
    void setUp() {
        pool = TestDatabases.h2().newPool(4);
        f = new Fixture(pool);
        service = f.standard();
        point = service.servicePointId();
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    @Test
    void numbersWalkInTicketsWithTheServicePrefixAndRestartsEachDay() {
        f.clock.set(macau(2026, 3, 2, 9, 0));
        assertThat(f.queue.takeTicket(KIOSK, service.id()).number()).isEqualTo("A001");
        assertThat(f.queue.takeTicket(KIOSK, service.id()).number()).isEqualTo("A002");
        Ticket third = f.queue.takeTicket(KIOSK, service.id());
        assertThat(third.number()).isEqualTo("A003");
        assertThat(third.kind()).isEqualTo(TicketKind.WALK_IN);
        assertThat(third.status()).isEqualTo(TicketStatus.WAITING);

        // Day boundaries are in the service point's zone: 23:59 Macau is 15:59 UTC.
        f.clock.set(macau(2026, 3, 2, 23, 59));
        assertThat(f.queue.takeTicket(KIOSK, service.id()).number()).isEqualTo("A004");
        f.clock.set(macau(2026, 3, 3, 0, 1));
        Ticket nextDay = f.queue.takeTicket(KIOSK, service.id());
        assertThat(nextDay.number()).isEqualTo("A001");
        assertThat(nextDay.day()).isEqualTo(java.time.LocalDate.of(2026, 3, 3));
        assertThat(f.events).extracting(DomainEvent::type).containsOnly("appointment.service_point_created",
                "appointment.service_created", "queue.ticket_issued");
    }

    @Test
    void checksInABookedAppointmentByManageCodeOrQrOnceAndOnlyInItsWindow() {
        Instant ten = macau(2026, 3, 2, 10, 0);
        Reservation r = f.service.reserve(applicant(1), service.id(), ten);
        f.service.confirm(applicant(1), r.appointment().id(), null);

        assertThatThrownBy(() -> f.queue.checkIn(KIOSK, point, r.manageCode()))
                .as("two hours early").extracting(e -> ((GcamException) e).code()).isEqualTo("CHECK_IN_NOT_OPEN");
        f.clock.set(macau(2026, 3, 2, 9, 15));
        assertThatThrownBy(() -> f.queue.checkIn(KIOSK, point, "0000-0000-0000"))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("MANAGE_CODE_INVALID");
        ServicePointId elsewhere = f.servicePoint(Fixture.MACAU, Fixture.officeHours()).id();
        assertThatThrownBy(() -> f.queue.checkIn(KIOSK, elsewhere, r.manageCode()))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("CHECK_IN_NOT_OPEN");

        Ticket ticket = f.queue.checkIn(KIOSK, point, "GCAM-APPT:" + r.manageCode());

        assertThat(ticket.number()).isEqualTo("B001");
        assertThat(ticket.kind()).isEqualTo(TicketKind.BOOKED);
        assertThat(ticket.appointmentId()).isEqualTo(r.appointment().id());
        assertThat(ticket.scheduledAt()).isEqualTo(ten);
        assertThat(f.service.appointment(applicant(1), r.appointment().id(), null).status())
                .isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThat(f.queue.checkIn(KIOSK, point, r.manageCode())).isEqualTo(ticket);
        assertThat(f.events).extracting(DomainEvent::type).containsSubsequence("appointment.checked_in",
                "queue.ticket_issued");
        // The applicant may book the service again once checked in.
        assertThat(f.service.reserve(applicant(1), service.id(), macau(2026, 3, 3, 10, 0)).appointment().status())
                .isEqualTo(AppointmentStatus.HELD);
    }

    @Test
    void callsDueAppointmentsFirstThenWalkInsInOrderThenEarlyArrivals() {
        Reservation due = f.service.reserve(applicant(1), service.id(), macau(2026, 3, 2, 9, 30));
        Reservation early = f.service.reserve(applicant(2), service.id(), macau(2026, 3, 2, 10, 0));
        f.service.confirm(applicant(1), due.appointment().id(), null);
        f.service.confirm(applicant(2), early.appointment().id(), null);
        f.clock.set(macau(2026, 3, 2, 9, 10));
        Ticket a1 = f.queue.takeTicket(KIOSK, service.id());
        Ticket b1 = f.queue.checkIn(KIOSK, point, early.manageCode());
        Ticket a2 = f.queue.takeTicket(KIOSK, service.id());
        Ticket b2 = f.queue.checkIn(KIOSK, point, due.manageCode());
        f.clock.set(macau(2026, 3, 2, 9, 25));

        assertThat(f.queue.callNext(COUNTER, point, "1", Set.of()).orElseThrow().id()).isEqualTo(b2.id());
        assertThat(f.queue.callNext(COUNTER, point, "2", Set.of()).orElseThrow().id()).isEqualTo(a1.id());
        assertThat(f.queue.callNext(COUNTER, point, "1", Set.of(service.id())).orElseThrow().id()).isEqualTo(a2.id());
        Ticket last = f.queue.callNext(COUNTER, point, "2", Set.of()).orElseThrow();
        assertThat(last.id()).isEqualTo(b1.id());
        assertThat(last.status()).isEqualTo(TicketStatus.CALLED);
        assertThat(last.counter()).isEqualTo("2");
        assertThat(last.calledAt()).isEqualTo(macau(2026, 3, 2, 9, 25));
        assertThat(f.queue.callNext(COUNTER, point, "1", Set.of())).isEmpty();
    }

    @Test
    void skipsRecallsAndServesAndTheBoardShowsTheLastCallPerCounter() {
        f.clock.set(macau(2026, 3, 2, 9, 0));
        Ticket a1 = f.queue.takeTicket(KIOSK, service.id());
        Ticket a2 = f.queue.takeTicket(KIOSK, service.id());
        f.queue.takeTicket(KIOSK, service.id());

        assertThatThrownBy(() -> f.queue.skip(COUNTER, a1.id()))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("TICKET_STATUS_INVALID");
        f.queue.callNext(COUNTER, point, "1", Set.of());
        f.clock.advance(Duration.ofMinutes(1));
        f.queue.callNext(COUNTER, point, "2", Set.of());
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.queue.skip(COUNTER, a1.id()).status()).isEqualTo(TicketStatus.SKIPPED);
        f.clock.advance(Duration.ofMinutes(1));
        Ticket recalled = f.queue.recall(COUNTER, a1.id(), "1");
        assertThat(recalled.status()).isEqualTo(TicketStatus.CALLED);
        assertThat(recalled.calledAt()).isEqualTo(macau(2026, 3, 2, 9, 3));
        assertThat(f.queue.complete(COUNTER, a2.id()).status()).isEqualTo(TicketStatus.SERVED);
        assertThatThrownBy(() -> f.queue.complete(COUNTER, a2.id()))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("TICKET_STATUS_INVALID");

        Board board = f.queue.board(applicant(5), point);

        assertThat(board.counters()).extracting(BoardEntry::counter, BoardEntry::number)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "A001"),
                        org.assertj.core.groups.Tuple.tuple("2", "A002"));
        assertThat(board.waiting()).isEqualTo(1);
        assertThat(f.events).extracting(DomainEvent::type).contains("queue.ticket_called", "queue.ticket_skipped",
                "queue.ticket_recalled", "queue.ticket_served");
        assertThat(f.audit.verify().ok()).isTrue();
    }

    @Test
    void estimatesTheWaitFromRecentServiceTimesAndTheNumberOfCounters() {
        f.clock.set(macau(2026, 3, 2, 9, 0));
        Ticket first = f.queue.takeTicket(KIOSK, service.id());
        Ticket[] waiting = new Ticket[4];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = f.queue.takeTicket(KIOSK, service.id());
        }
        // Nobody served yet: the slot length (30 minutes) stands in for the service time.
        assertThat(f.queue.estimate(KIOSK, waiting[2].id()).averageServiceTime()).isEqualTo(Duration.ofMinutes(30));

        f.queue.callNext(COUNTER, point, "1", Set.of());
        f.clock.advance(Duration.ofMinutes(6));
        f.queue.complete(COUNTER, first.id());

        WaitEstimate head = f.queue.estimate(KIOSK, waiting[0].id());
        WaitEstimate fourth = f.queue.estimate(KIOSK, waiting[3].id());
        assertThat(head.ahead()).isZero();
        assertThat(head.estimatedWait()).isZero();
        assertThat(fourth.ahead()).isEqualTo(3);
        assertThat(fourth.averageServiceTime()).isEqualTo(Duration.ofMinutes(6));
        assertThat(fourth.estimatedWait()).isEqualTo(Duration.ofMinutes(12)); // 2 counters: ceil(3 / 2) rounds
    }

    @Test
    void onlyCounterStaffOfTheAgencyCallAndOnlyAtTheirOwnCounters() {
        f.clock.set(macau(2026, 3, 2, 9, 0));
        f.queue.takeTicket(KIOSK, service.id());
        assertThatThrownBy(() -> f.queue.callNext(applicant(1), point, "1", Set.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.queue.callNext(OTHER_AGENCY, point, "1", Set.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.queue.callNext(COUNTER, point, "99", Set.of()))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("COUNTER_UNKNOWN");
        assertThat(f.queue.board(KIOSK, point).waiting()).isEqualTo(1);
    }
}
