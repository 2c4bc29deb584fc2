package io.gcam.appointment.spi;

import io.gcam.appointment.AppointmentId;
import io.gcam.appointment.BookableServiceId;
import io.gcam.appointment.ServicePointId;
import io.gcam.appointment.TicketId;
import io.gcam.appointment.TicketKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to the store to issue the next ticket number of a prefix on a day.
 *
 * @param id the new ticket's id
 * @param servicePointId where it is issued
 * @param serviceId what it queues for
 * @param day the service point's local day; numbering restarts each day
 * @param prefix the number's prefix, e.g. {@code A}
 * @param kind walk-in or booked
 * @param appointmentId for booked tickets, the appointment
 * @param scheduledAt for booked tickets, the appointment's start
 * @param issuedAt when it is issued
 */
public record TicketRequest(TicketId id, ServicePointId servicePointId, BookableServiceId serviceId, LocalDate day,
        String prefix, TicketKind kind, @Nullable AppointmentId appointmentId, @Nullable Instant scheduledAt,
        Instant issuedAt) {

    /** Checks that nothing required is missing. */
    public TicketRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(servicePointId, "servicePointId");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
