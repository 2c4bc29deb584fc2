package io.gcam.testkit.appointment;

import io.gcam.appointment.AppointmentId;
import io.gcam.appointment.BookableServiceId;
import io.gcam.appointment.ServicePointId;
import io.gcam.appointment.Ticket;
import io.gcam.appointment.TicketId;
import io.gcam.appointment.TicketStatus;
import io.gcam.appointment.spi.QueueStore;
import io.gcam.appointment.spi.TicketRequest;
import io.gcam.core.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link QueueStore} in memory, for tests and demos. Every operation holds one lock; it takes part
 * in no transaction. Passes {@link QueueStoreCompatibilityKit}.
 */
public final class InMemoryQueueStore implements QueueStore {

    private final Map<TicketId, Ticket> tickets = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryQueueStore() {
    }

    @Override
    public synchronized Ticket issue(TicketRequest r) {
        AppointmentId appointment = r.appointmentId();
        if (appointment != null && findByAppointment(appointment).isPresent()) {
            throw new ConflictException("ticket of the appointment");
        }
        int seq = counters.merge(r.servicePointId().value() + "/" + r.day() + "/" + r.prefix(), 1, Integer::sum);
        Ticket t = new Ticket(r.id(), r.servicePointId(), r.serviceId(), r.day(),
                r.prefix() + String.format(Locale.ROOT, "%03d", seq), r.kind(), appointment, r.scheduledAt(),
                TicketStatus.WAITING, null, r.issuedAt(), null, null);
        tickets.put(t.id(), t);
        return t;
    }

    @Override
    public synchronized Optional<Ticket> findTicket(TicketId id) {
        return Optional.ofNullable(tickets.get(id));
    }

    @Override
    public synchronized Optional<Ticket> findByAppointment(AppointmentId appointmentId) {
        return tickets.values().stream().filter(t -> appointmentId.equals(t.appointmentId())).findFirst();
    }

    @Override
    public synchronized List<Ticket> tickets(ServicePointId servicePointId, LocalDate day) {
        return tickets.values().stream().filter(t -> t.servicePointId().equals(servicePointId) && t.day().equals(day))
                .sorted(Comparator.comparing(Ticket::issuedAt)).toList();
    }

    @Override
    public synchronized Optional<Ticket> change(TicketId id, TicketStatus from, TicketStatus to,
            @Nullable String counter, Instant at) {
        Ticket t = tickets.get(id);
        if (t == null || t.status() != from) {
            return Optional.empty();
        }
        Ticket changed = new Ticket(t.id(), t.servicePointId(), t.serviceId(), t.day(), t.number(), t.kind(),
                t.appointmentId(), t.scheduledAt(), to, counter != null ? counter : t.counter(), t.issuedAt(),
                to == TicketStatus.CALLED ? at : t.calledAt(), to == TicketStatus.SERVED ? at : t.finishedAt());
        tickets.put(id, changed);
        return Optional.of(changed);
    }

    @Override
    public synchronized List<Duration> recentServiceTimes(BookableServiceId serviceId, int limit) {
        List<Duration> times = new ArrayList<>();
        tickets.values().stream()
                .filter(t -> t.serviceId().equals(serviceId) && t.status() == TicketStatus.SERVED && t.calledAt() != null)
                .sorted(Comparator.comparing((Ticket t) -> Objects.requireNonNull(t.finishedAt())).reversed())
                .limit(limit)
                .forEach(t -> times.add(Duration.between(Objects.requireNonNull(t.calledAt()),
                        Objects.requireNonNull(t.finishedAt()))));
        return times;
    }
}
