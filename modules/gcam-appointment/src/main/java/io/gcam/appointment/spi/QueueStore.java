package io.gcam.appointment.spi;

import io.gcam.appointment.AppointmentId;
import io.gcam.appointment.BookableServiceId;
import io.gcam.appointment.ServicePointId;
import io.gcam.appointment.Ticket;
import io.gcam.appointment.TicketId;
import io.gcam.appointment.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where queue tickets live. The JDBC implementation is {@code io.gcam.appointment.jdbc.JdbcQueueStore};
 * gcam-testkit has an in-memory one and the {@code QueueStoreCompatibilityKit}.
 *
 * <p>Guarantees, also across application instances sharing the store:
 * <ul>
 *   <li>Numbers of one service point, prefix and day are 1, 2, 3, ... without duplicates; each new
 *       day starts at 1 again.</li>
 *   <li>An appointment gets at most one ticket.</li>
 *   <li>{@link #change} is conditional, so a waiting ticket is called to one counter only, however
 *       many counters call at once.</li>
 * </ul>
 */
public interface QueueStore {

    /**
     * Issues the next number of the request's prefix and day, and stores the ticket {@code WAITING}.
     *
     * @param request the ticket to issue
     * @return the stored ticket, with its number (prefix and at least three digits)
     * @throws io.gcam.core.ConflictException when the appointment already has a ticket
     */
    Ticket issue(TicketRequest request);

    /**
     * @param id a ticket id
     * @return the ticket, if it exists
     */
    Optional<Ticket> findTicket(TicketId id);

    /**
     * @param appointmentId an appointment
     * @return its ticket, if it checked in
     */
    Optional<Ticket> findByAppointment(AppointmentId appointmentId);

    /**
     * @param servicePointId a service point
     * @param day a local day
     * @return that day's tickets, in issue order
     */
    List<Ticket> tickets(ServicePointId servicePointId, LocalDate day);

    /**
     * Changes a ticket's status if it is {@code from} now.
     *
     * @param id the ticket
     * @param from the status it must have
     * @param to the new status
     * @param counter the counter it is called to ({@code CALLED}); otherwise {@code null} keeps the old one
     * @param at when: sets the call time for {@code CALLED}, the finish time for {@code SERVED}
     * @return the changed ticket, or empty when it was not {@code from}
     */
    Optional<Ticket> change(TicketId id, TicketStatus from, TicketStatus to, @Nullable String counter, Instant at);

    /**
     * @param serviceId a service
     * @param limit at most this many
     * @return the service times (call to finish) of the most recently served tickets of the service
     */
    List<Duration> recentServiceTimes(BookableServiceId serviceId, int limit);
}
