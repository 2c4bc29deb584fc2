package io.gcam.appointment;

import io.gcam.appointment.internal.ManageCodes;
import io.gcam.appointment.spi.AppointmentStore;
import io.gcam.appointment.spi.QueueStore;
import io.gcam.appointment.spi.TicketRequest;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.DomainEvent;
import io.gcam.core.IdGenerator;
import io.gcam.core.NotFoundException;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The queue at a service point: kiosk check-in of booked appointments, walk-in tickets, call-next at
 * a counter, skip and recall, the display board and waiting estimates.
 *
 * <pre>{@code
 * QueueService queue = QueueService.builder()
 *         .appointments(appointmentStore)
 *         .queue(new JdbcQueueStore(tx.dataSource()))
 *         .transactions(tx).audit(auditTrail).events(eventPublisher).clock(clock)
 *         .build();
 * Ticket walkIn = queue.takeTicket(kiosk, serviceId);              // A001, A002, ... from 1 each day
 * Ticket booked = queue.checkIn(kiosk, servicePointId, manageCode);  // B001, ...
 * Optional<Ticket> next = queue.callNext(counterStaff, servicePointId, "3", Set.of());
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Ticket numbers restart at 1 every day (in the service point's zone) and are never given twice,
 *       also across application instances; walk-in tickets use their service's prefix, booked ones the
 *       {@link Builder#bookedPrefix(String) booked prefix}.</li>
 *   <li>Call-next calls checked-in appointments that are due (start within the
 *       {@link Builder#callTolerance(Duration) tolerance}) first, by start; then walk-ins in the order
 *       they came; then appointments that checked in early. A ticket is called to one counter only,
 *       however many counters call at once.</li>
 *   <li>Every change is stored, audited and published in one {@link TransactionRunner} call. Event
 *       types: {@code appointment.checked_in}, {@code queue.ticket_issued}, {@code queue.ticket_called},
 *       {@code queue.ticket_recalled}, {@code queue.ticket_skipped}, {@code queue.ticket_served}.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class QueueService {

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,3}");
    private static final int RECENT_SERVICE_TIMES = 20;

    private final AppointmentStore appointments;
    private final QueueStore queue;
    private final TransactionRunner transactions;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration checkInBefore;
    private final Duration checkInAfter;
    private final Duration callTolerance;
    private final String bookedPrefix;

    private QueueService(Builder b) {
        this.appointments = require(b.appointments, "appointments");
        this.queue = require(b.queue, "queue");
        this.transactions = require(b.transactions, "transactions");
        this.audit = require(b.audit, "audit");
        this.events = require(b.events, "events");
        this.clock = b.clock;
        this.ids = IdGenerator.create(b.clock);
        this.checkInBefore = b.checkInBefore;
        this.checkInAfter = b.checkInAfter;
        this.callTolerance = b.callTolerance;
        this.bookedPrefix = b.bookedPrefix;
    }

    /** @return a builder; appointments, queue, transactions, audit and events are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a confirmed appointment in at the kiosk of its service point and gives it a queue ticket.
     * Checking in again returns the same ticket.
     *
     * @param actor whoever operates the kiosk (the manage code is the credential)
     * @param servicePointId the kiosk's service point
     * @param manageCode the manage code as typed, or the QR content {@code GCAM-APPT:<code>}
     * @return the booked ticket
     * @throws AppointmentException {@code MANAGE_CODE_INVALID} when no appointment has the code,
     *     {@code CHECK_IN_NOT_OPEN} outside the check-in window or at another service point,
     *     {@code APPOINTMENT_NOT_ACTIVE} when it is not confirmed
     */
    public Ticket checkIn(Actor actor, ServicePointId servicePointId, String manageCode) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(manageCode, "manageCode");
        Appointment a = appointments.findByManageCode(ManageCodes.digest(manageCode))
                .orElseThrow(() -> new AppointmentException(AppointmentErrorCode.MANAGE_CODE_INVALID));
        Instant now = now();
        if (a.status() == AppointmentStatus.CHECKED_IN) {
            Optional<Ticket> existing = queue.findByAppointment(a.id());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        if (a.status() != AppointmentStatus.CONFIRMED) {
            throw new AppointmentException(AppointmentErrorCode.APPOINTMENT_NOT_ACTIVE, a.status());
        }
        if (!a.servicePointId().equals(servicePointId) || now.isBefore(a.start().minus(checkInBefore))
                || now.isAfter(a.start().plus(checkInAfter))) {
            throw new AppointmentException(AppointmentErrorCode.CHECK_IN_NOT_OPEN, checkInBefore.toMinutes(),
                    checkInAfter.toMinutes());
        }
        ServicePoint point = servicePoint(servicePointId);
        LocalDate day = LocalDate.ofInstant(now, point.definition().zone());
        return transactions.inTransaction(() -> {
            Appointment checkedIn = appointments.transition(a.id(), AppointmentStatus.CONFIRMED,
                    AppointmentStatus.CHECKED_IN, now)
                    .orElseThrow(() -> new AppointmentException(AppointmentErrorCode.APPOINTMENT_NOT_ACTIVE,
                            appointments.findAppointment(a.id()).map(Appointment::status).orElse(a.status())));
            Ticket ticket = queue.issue(new TicketRequest(ids.next(TicketId::new), servicePointId, a.serviceId(), day,
                    bookedPrefix, TicketKind.BOOKED, a.id(), a.start(), now));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("serviceId", a.serviceId().value());
            details.put("servicePointId", servicePointId.value());
            details.put("status", checkedIn.status());
            details.put("ticketId", ticket.id().value());
            details.put("number", ticket.number());
            record(actor, "appointment.checked_in", "appointment", a.id().value(), a.agency(), details);
            recordTicket(actor, "queue.ticket_issued", ticket, a.agency());
            return ticket;
        });
    }

    /**
     * Issues a walk-in ticket with the service's prefix.
     *
     * @param actor whoever operates the kiosk or counter
     * @param serviceId the service to queue for
     * @return the ticket, e.g. {@code A007}
     */
    public Ticket takeTicket(Actor actor, BookableServiceId serviceId) {
        Objects.requireNonNull(actor, "actor");
        BookableService service = appointments.findService(serviceId)
                .orElseThrow(() -> new NotFoundException("service", serviceId));
        ServicePoint point = servicePoint(service.servicePointId());
        Instant now = now();
        LocalDate day = LocalDate.ofInstant(now, point.definition().zone());
        return transactions.inTransaction(() -> {
            Ticket ticket = queue.issue(new TicketRequest(ids.next(TicketId::new), point.id(), serviceId, day,
                    service.definition().ticketPrefix(), TicketKind.WALK_IN, null, null, now));
            recordTicket(actor, "queue.ticket_issued", ticket, point.agency());
            return ticket;
        });
    }

    /**
     * Calls the next ticket to a counter.
     *
     * @param actor {@code APPOINTMENT_COUNTER} or {@code ADMIN} staff of the service point's agency
     * @param servicePointId the service point
     * @param counter one of its counters
     * @param services the services this counter serves; empty for all
     * @return the called ticket, or empty when nobody waits
     * @throws AppointmentException {@code COUNTER_UNKNOWN}
     */
    public Optional<Ticket> callNext(Actor actor, ServicePointId servicePointId, String counter,
            Set<BookableServiceId> services) {
        ServicePoint point = servicePoint(servicePointId);
        requireCounter(actor, point.agency(), "call next ticket");
        requireCounterOf(point, counter);
        Instant now = now();
        LocalDate day = LocalDate.ofInstant(now, point.definition().zone());
        for (Ticket candidate : callOrder(queue.tickets(servicePointId, day), now)) {
            if (!services.isEmpty() && !services.contains(candidate.serviceId())) {
                continue;
            }
            Optional<Ticket> called = transactions.inTransaction(() -> {
                Optional<Ticket> t = queue.change(candidate.id(), TicketStatus.WAITING, TicketStatus.CALLED, counter, now);
                t.ifPresent(ticket -> recordTicket(actor, "queue.ticket_called", ticket, point.agency()));
                return t;
            });
            if (called.isPresent()) {
                return called;
            }
        }
        return Optional.empty();
    }

    /**
     * Calls a ticket again: re-announces a called ticket, or brings back a skipped one, to a counter.
     *
     * @param actor counter staff of the agency
     * @param ticketId the ticket
     * @param counter the counter it is called to
     * @return the ticket, called again
     * @throws AppointmentException {@code TICKET_STATUS_INVALID} unless it is called or skipped
     */
    public Ticket recall(Actor actor, TicketId ticketId, String counter) {
        Ticket t = ticket(ticketId);
        ServicePoint point = servicePoint(t.servicePointId());
        requireCounter(actor, point.agency(), "recall ticket");
        requireCounterOf(point, counter);
        if (t.status() != TicketStatus.CALLED && t.status() != TicketStatus.SKIPPED) {
            throw new AppointmentException(AppointmentErrorCode.TICKET_STATUS_INVALID, t.status(), TicketStatus.CALLED);
        }
        return changeTicket(actor, point, t, TicketStatus.CALLED, counter, "queue.ticket_recalled");
    }

    /**
     * Skips a called ticket whose holder did not come to the counter; it can be recalled later.
     *
     * @param actor counter staff of the agency
     * @param ticketId the ticket
     * @return the skipped ticket
     * @throws AppointmentException {@code TICKET_STATUS_INVALID} unless it is called
     */
    public Ticket skip(Actor actor, TicketId ticketId) {
        return finish(actor, ticketId, TicketStatus.SKIPPED, "queue.ticket_skipped");
    }

    /**
     * Marks a called ticket as served; its service time feeds the waiting estimates.
     *
     * @param actor counter staff of the agency
     * @param ticketId the ticket
     * @return the served ticket
     * @throws AppointmentException {@code TICKET_STATUS_INVALID} unless it is called
     */
    public Ticket complete(Actor actor, TicketId ticketId) {
        return finish(actor, ticketId, TicketStatus.SERVED, "queue.ticket_served");
    }

    private Ticket finish(Actor actor, TicketId ticketId, TicketStatus to, String action) {
        Ticket t = ticket(ticketId);
        ServicePoint point = servicePoint(t.servicePointId());
        requireCounter(actor, point.agency(), "change ticket");
        if (t.status() != TicketStatus.CALLED) {
            throw new AppointmentException(AppointmentErrorCode.TICKET_STATUS_INVALID, t.status(), to);
        }
        return changeTicket(actor, point, t, to, null, action);
    }

    private Ticket changeTicket(Actor actor, ServicePoint point, Ticket t, TicketStatus to, @Nullable String counter,
            String action) {
        Instant now = now();
        return transactions.inTransaction(() -> {
            Ticket changed = queue.change(t.id(), t.status(), to, counter, now)
                    .orElseThrow(() -> new AppointmentException(AppointmentErrorCode.TICKET_STATUS_INVALID,
                            ticket(t.id()).status(), to));
            recordTicket(actor, action, changed, point.agency());
            return changed;
        });
    }

    /**
     * @param actor anyone (the board is public; it shows numbers only)
     * @param servicePointId the service point
     * @return today's board
     */
    public Board board(Actor actor, ServicePointId servicePointId) {
        Objects.requireNonNull(actor, "actor");
        ServicePoint point = servicePoint(servicePointId);
        Instant now = now();
        List<Ticket> today = queue.tickets(servicePointId, LocalDate.ofInstant(now, point.definition().zone()));
        List<BoardEntry> calls = new ArrayList<>();
        int waiting = 0;
        for (Ticket t : today) {
            if (t.status() == TicketStatus.WAITING) {
                waiting++;
            } else if (t.calledAt() != null && t.counter() != null) {
                calls.add(new BoardEntry(t.counter(), t.number(), t.calledAt()));
            }
        }
        calls.sort(Comparator.comparing(BoardEntry::calledAt).reversed());
        Map<String, BoardEntry> perCounter = new LinkedHashMap<>();
        for (BoardEntry e : calls) {
            perCounter.putIfAbsent(e.counter(), e);
        }
        return new Board(servicePointId, new ArrayList<>(perCounter.values()), calls.subList(0, Math.min(10, calls.size())),
                waiting);
    }

    /**
     * @param actor anyone holding the ticket id
     * @param ticketId a ticket
     * @return how long it is expected to wait
     */
    public WaitEstimate estimate(Actor actor, TicketId ticketId) {
        Objects.requireNonNull(actor, "actor");
        Ticket t = ticket(ticketId);
        ServicePoint point = servicePoint(t.servicePointId());
        BookableService service = appointments.findService(t.serviceId())
                .orElseThrow(() -> new NotFoundException("service", t.serviceId()));
        List<Duration> recent = queue.recentServiceTimes(t.serviceId(), RECENT_SERVICE_TIMES);
        Duration average = recent.isEmpty() ? service.definition().slotLength()
                : recent.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(recent.size());
        int ahead = 0;
        if (t.status() == TicketStatus.WAITING) {
            for (Ticket other : callOrder(queue.tickets(t.servicePointId(), t.day()), now())) {
                if (other.id().equals(t.id())) {
                    break;
                }
                ahead++;
            }
        }
        int counters = point.definition().counters().size();
        long rounds = (ahead + counters - 1) / counters;
        return new WaitEstimate(t, ahead, average, average.multipliedBy(rounds));
    }

    /**
     * @param actor anyone holding the ticket id
     * @param ticketId a ticket
     * @return the ticket as it is now
     */
    public Ticket ticket(Actor actor, TicketId ticketId) {
        Objects.requireNonNull(actor, "actor");
        return ticket(ticketId);
    }

    /** Waiting tickets in the order call-next takes them. */
    private List<Ticket> callOrder(List<Ticket> tickets, Instant now) {
        Instant due = now.plus(callTolerance);
        List<Ticket> dueBooked = new ArrayList<>();
        List<Ticket> walkIns = new ArrayList<>();
        List<Ticket> early = new ArrayList<>();
        for (Ticket t : tickets) {
            if (t.status() != TicketStatus.WAITING) {
                continue;
            }
            Instant scheduled = t.scheduledAt();
            if (t.kind() == TicketKind.BOOKED && scheduled != null) {
                (scheduled.isAfter(due) ? early : dueBooked).add(t);
            } else {
                walkIns.add(t);
            }
        }
        Comparator<Ticket> bySchedule = Comparator.comparing((Ticket t) -> Objects.requireNonNull(t.scheduledAt()))
                .thenComparing(Ticket::issuedAt);
        dueBooked.sort(bySchedule);
        early.sort(bySchedule);
        List<Ticket> order = new ArrayList<>(dueBooked);
        order.addAll(walkIns);
        order.addAll(early);
        return order;
    }

    private static void requireCounterOf(ServicePoint point, String counter) {
        if (!point.definition().counters().contains(counter)) {
            throw new AppointmentException(AppointmentErrorCode.COUNTER_UNKNOWN, counter);
        }
    }

    private static void requireCounter(Actor actor, String agency, String operation) {
        if (!(actor.isSystem() || actor.isStaffOf(agency)
                && (actor.hasRole(AppointmentService.COUNTER) || actor.hasRole(AppointmentService.ADMIN)))) {
            throw new AccessDeniedException(operation);
        }
    }

    private Ticket ticket(TicketId id) {
        Objects.requireNonNull(id, "id");
        return queue.findTicket(id).orElseThrow(() -> new NotFoundException("ticket", id));
    }

    private ServicePoint servicePoint(ServicePointId id) {
        Objects.requireNonNull(id, "id");
        return appointments.findServicePoint(id).orElseThrow(() -> new NotFoundException("service point", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void recordTicket(Actor actor, String action, Ticket t, String agency) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("servicePointId", t.servicePointId().value());
        p.put("serviceId", t.serviceId().value());
        p.put("number", t.number());
        p.put("kind", t.kind());
        p.put("status", t.status());
        if (t.counter() != null) {
            p.put("counter", t.counter());
        }
        if (t.appointmentId() != null) {
            p.put("appointmentId", t.appointmentId().value());
        }
        record(actor, action, "ticket", t.id().value(), agency, p);
    }

    private void record(Actor actor, String action, String objectType, String objectId, String agency,
            Map<String, Object> details) {
        audit.append(actor, action, objectType, objectId, details);
        events.publish(DomainEvent.builder(action)
                .id(ids.next())
                .occurredAt(now())
                .aggregate(objectType, objectId)
                .agency(agency)
                .payload(details)
                .build());
    }

    private static <T> T require(@Nullable T value, String name) {
        if (value == null) {
            throw new NullPointerException("QueueService needs " + name + "(...)");
        }
        return value;
    }

    /** Configures a {@link QueueService}. */
    public static final class Builder {
        private @Nullable AppointmentStore appointments;
        private @Nullable QueueStore queue;
        private @Nullable TransactionRunner transactions;
        private @Nullable AuditTrail audit;
        private @Nullable EventPublisher events;
        private Clock clock = Clock.systemUTC();
        private Duration checkInBefore = Duration.ofMinutes(60);
        private Duration checkInAfter = Duration.ofMinutes(15);
        private Duration callTolerance = Duration.ofMinutes(10);
        private String bookedPrefix = "B";

        private Builder() {
        }

        /**
         * @param store the appointment store (required; the same the {@link AppointmentService} uses)
         * @return this builder
         */
        public Builder appointments(AppointmentStore store) {
            this.appointments = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param store where tickets live (required)
         * @return this builder
         */
        public Builder queue(QueueStore store) {
            this.queue = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param transactions runs each change with its audit entry and events (required)
         * @return this builder
         */
        public Builder transactions(TransactionRunner transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * @param audit the audit trail (required)
         * @return this builder
         */
        public Builder audit(AuditTrail audit) {
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /**
         * @param events where domain events go (required)
         * @return this builder
         */
        public Builder events(EventPublisher events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /**
         * @param clock the source of time (default {@link Clock#systemUTC()})
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param before how early before its start an appointment may check in (default 60 minutes)
         * @param after how late after its start it may still check in (default 15 minutes)
         * @return this builder
         */
        public Builder checkInWindow(Duration before, Duration after) {
            if (before.isNegative() || after.isNegative()) {
                throw new IllegalArgumentException("the check-in window must not be negative");
            }
            this.checkInBefore = before;
            this.checkInAfter = after;
            return this;
        }

        /**
         * @param tolerance a checked-in appointment is called before walk-ins once its start is at most
         *     this far ahead (default 10 minutes)
         * @return this builder
         */
        public Builder callTolerance(Duration tolerance) {
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("the call tolerance must not be negative");
            }
            this.callTolerance = tolerance;
            return this;
        }

        /**
         * @param prefix the prefix of booked tickets, one to three capital letters (default {@code B})
         * @return this builder
         */
        public Builder bookedPrefix(String prefix) {
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("a ticket prefix is one to three capital letters");
            }
            this.bookedPrefix = prefix;
            return this;
        }

        /**
         * @return the service
         * @throws NullPointerException when a required setting is missing
         */
        public QueueService build() {
            return new QueueService(this);
        }
    }
}
