package io.gcam.rest.appointment;

import io.gcam.appointment.Appointment;
import io.gcam.appointment.BoardEntry;
import io.gcam.appointment.Board;
import io.gcam.appointment.BookableService;
import io.gcam.appointment.Reservation;
import io.gcam.appointment.ServicePoint;
import io.gcam.appointment.Slot;
import io.gcam.appointment.Ticket;
import io.gcam.appointment.WaitEstimate;
import io.gcam.core.LocalizedText;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the appointment API. */
public final class AppointmentDtos {

    private AppointmentDtos() {
    }

    /**
     * A bookable service with its service point.
     *
     * @param id the service id
     * @param code its short code
     * @param name its name
     * @param servicePointId where it is offered
     * @param servicePointName the service point's name
     * @param location the service point's address
     * @param zone the service point's time zone
     * @param counters the service point's counters
     * @param slotMinutes slot length
     * @param capacityPerSlot places per slot
     * @param maximumDaysAhead booking horizon
     * @param ticketPrefix walk-in ticket prefix
     */
    public record ServiceDto(String id, String code, LocalizedText name, String servicePointId,
            LocalizedText servicePointName, LocalizedText location, String zone, List<String> counters, long slotMinutes,
            int capacityPerSlot, int maximumDaysAhead, String ticketPrefix) {

        static ServiceDto of(BookableService s, ServicePoint p) {
            return new ServiceDto(s.id().value(), s.definition().code(), s.definition().name(), p.id().value(),
                    p.definition().name(), p.definition().location(), p.definition().zone().getId(),
                    p.definition().counters(), s.definition().slotLength().toMinutes(), s.definition().capacityPerSlot(),
                    s.definition().maximumDaysAhead(), s.definition().ticketPrefix());
        }
    }

    /**
     * A slot.
     *
     * @param start when it begins
     * @param end when it ends
     * @param localStart the start in the service point's zone
     * @param capacity places
     * @param free places still free
     */
    public record SlotDto(Instant start, Instant end, LocalDateTime localStart, int capacity, int free) {

        static SlotDto of(Slot s) {
            return new SlotDto(s.start(), s.end(), s.localStart(), s.capacity(), s.free());
        }
    }

    /**
     * An appointment as the API shows it (never the manage code or its digest).
     *
     * @param id the appointment id
     * @param serviceId the service
     * @param servicePointId the service point
     * @param start when it begins
     * @param end when it ends
     * @param status its status
     * @param holdExpiresAt while held, when the hold lapses
     * @param walkIn whether staff booked it for a walk-in
     */
    public record AppointmentDto(String id, String serviceId, String servicePointId, Instant start, Instant end,
            String status, @Nullable Instant holdExpiresAt, boolean walkIn) {

        static AppointmentDto of(Appointment a) {
            return new AppointmentDto(a.id().value(), a.serviceId().value(), a.servicePointId().value(), a.start(),
                    a.end(), a.status().name(), a.holdExpiresAt(), a.walkIn());
        }
    }

    /**
     * A new appointment with its manage code, answered once.
     *
     * @param appointment the appointment
     * @param manageCode the code that lets its holder act on it without login; shown only now
     */
    public record ReservationDto(AppointmentDto appointment, String manageCode) {

        static ReservationDto of(Reservation r) {
            return new ReservationDto(AppointmentDto.of(r.appointment()), r.manageCode());
        }
    }

    /**
     * Body of {@code POST /api/v1/appointments}.
     *
     * @param serviceId the service
     * @param start the slot's start, as the slots endpoint gave it
     * @param applicantId staff only: the walk-in's subject id, if they have an account
     */
    public record NewAppointment(String serviceId, Instant start, @Nullable String applicantId) {
    }

    /**
     * Body of {@code PATCH /api/v1/appointments/{id}}.
     *
     * @param start the new slot's start
     */
    public record Reschedule(Instant start) {
    }

    /**
     * Body of {@code POST /api/v1/kiosk/check-ins}.
     *
     * @param servicePointId the kiosk's service point
     * @param code the manage code as typed, or the QR content
     */
    public record CheckIn(String servicePointId, String code) {
    }

    /**
     * Body of {@code POST /api/v1/kiosk/tickets}.
     *
     * @param serviceId the service to queue for
     */
    public record NewTicket(String serviceId) {
    }

    /**
     * Body of {@code POST /api/v1/counters/{id}/call-next}.
     *
     * @param servicePointId the counter's service point
     * @param serviceIds the services the counter serves; empty or absent for all
     */
    public record CallNext(String servicePointId, @Nullable List<String> serviceIds) {
    }

    /**
     * A ticket with its waiting estimate.
     *
     * @param id the ticket id
     * @param number what is printed and called, e.g. {@code A007}
     * @param kind {@code WALK_IN} or {@code BOOKED}
     * @param status its status
     * @param servicePointId where it was issued
     * @param serviceId what it queues for
     * @param counter the counter it was called to, if any
     * @param issuedAt when it was issued
     * @param calledAt when it was called, if it was
     * @param ahead tickets ahead of it while it waits
     * @param estimatedWaitMinutes estimated wait while it waits, rounded up
     */
    public record TicketDto(String id, String number, String kind, String status, String servicePointId,
            String serviceId, @Nullable String counter, Instant issuedAt, @Nullable Instant calledAt, int ahead,
            long estimatedWaitMinutes) {

        static TicketDto of(Ticket t, @Nullable WaitEstimate estimate) {
            long minutes = estimate == null ? 0
                    : (estimate.estimatedWait().toSeconds() + 59) / 60;
            return new TicketDto(t.id().value(), t.number(), t.kind().name(), t.status().name(),
                    t.servicePointId().value(), t.serviceId().value(), t.counter(), t.issuedAt(), t.calledAt(),
                    estimate == null ? 0 : estimate.ahead(), minutes);
        }
    }

    /**
     * One line of the display board.
     *
     * @param counter the counter
     * @param number the number last called there
     * @param calledAt when
     */
    public record BoardEntryDto(String counter, String number, Instant calledAt) {

        static BoardEntryDto of(BoardEntry e) {
            return new BoardEntryDto(e.counter(), e.number(), e.calledAt());
        }
    }

    /**
     * The display board.
     *
     * @param servicePointId the service point
     * @param counters the last number per counter, most recent first
     * @param recent the latest calls, most recent first
     * @param waiting tickets waiting
     */
    public record BoardDto(String servicePointId, List<BoardEntryDto> counters, List<BoardEntryDto> recent,
            int waiting) {

        static BoardDto of(Board b) {
            return new BoardDto(b.servicePointId().value(), b.counters().stream().map(BoardEntryDto::of).toList(),
                    b.recent().stream().map(BoardEntryDto::of).toList(), b.waiting());
        }
    }
}
