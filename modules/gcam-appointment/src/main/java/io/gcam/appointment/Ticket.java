package io.gcam.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A queue ticket at a service point, such as {@code A007}.
 *
 * @param id its identifier
 * @param servicePointId where it was issued
 * @param serviceId the service it queues for
 * @param day the day (in the service point's zone) it belongs to; numbers restart every day
 * @param number what is printed and called, prefix and three or more digits, e.g. {@code A007}
 * @param kind walk-in or booked
 * @param appointmentId for a booked ticket, the appointment that checked in
 * @param scheduledAt for a booked ticket, the appointment's start
 * @param status where it is
 * @param counter the counter it was last called to, if any
 * @param issuedAt when it was issued
 * @param calledAt when it was last called, if ever
 * @param finishedAt when it was served, if it was
 */
public record Ticket(TicketId id, ServicePointId servicePointId, BookableServiceId serviceId, LocalDate day,
        String number, TicketKind kind, @Nullable AppointmentId appointmentId, @Nullable Instant scheduledAt,
        TicketStatus status, @Nullable String counter, Instant issuedAt, @Nullable Instant calledAt,
        @Nullable Instant finishedAt) {

    /** Checks that nothing required is missing. */
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(servicePointId, "servicePointId");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
