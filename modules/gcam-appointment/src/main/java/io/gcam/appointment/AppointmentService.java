package io.gcam.appointment;

import io.gcam.appointment.internal.IcsWriter;
import io.gcam.appointment.internal.ManageCodes;
import io.gcam.appointment.internal.SlotPlanner;
import io.gcam.appointment.internal.Texts;
import io.gcam.appointment.spi.AppointmentStore;
import io.gcam.appointment.spi.Booking;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.DomainEvent;
import io.gcam.core.IdGenerator;
import io.gcam.core.NotFoundException;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.HolidayCalendar;
import io.gcam.core.spi.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appointments at service points: availability, reserve (a hold that expires) then confirm,
 * reschedule, cancel, walk-in bookings by staff, no-shows and iCalendar files.
 *
 * <pre>{@code
 * AppointmentService appointments = AppointmentService.builder()
 *         .store(new JdbcAppointmentStore(tx.dataSource()))
 *         .transactions(tx)
 *         .audit(auditTrail)
 *         .events(eventPublisher)
 *         .holidays(publicHolidays)
 *         .clock(clock)
 *         .build();
 * List<Slot> free = appointments.availability(applicant, serviceId, today, today.plusDays(14));
 * Reservation held = appointments.reserve(applicant, serviceId, free.get(0).start());
 * appointments.confirm(applicant, held.appointment().id(), null);
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>A slot is never booked past its capacity, and an applicant holds at most one active
 *       appointment per service, also with many application instances: the store enforces both in
 *       the database.</li>
 *   <li>A hold lapses after {@link Builder#holdDuration(Duration)}; from then on its place is free for
 *       others, and confirming it fails with {@code HOLD_EXPIRED}.</li>
 *   <li>Slots follow the service point's opening hours, breaks, closures and the public holidays of
 *       the {@link HolidayCalendar}, in the service point's zone (never the JVM's), through
 *       daylight-saving changes.</li>
 *   <li>Every change is stored, audited and published as a {@link DomainEvent} in one
 *       {@link TransactionRunner} call. Rejections change nothing.</li>
 *   <li>Every operation checks the {@link Actor}; the manage code (shown once on reservation) lets
 *       its holder act on the appointment without login.</li>
 * </ul>
 *
 * <p>Event types (aggregate type {@code appointment}): {@code appointment.reserved},
 * {@code appointment.confirmed}, {@code appointment.rescheduled}, {@code appointment.cancelled},
 * {@code appointment.expired}, {@code appointment.walk_in_booked}, {@code appointment.no_show};
 * and {@code appointment.service_point_created}, {@code appointment.service_created}. Payloads hold
 * identifiers, times and statuses, never the manage code. Audit actions have the same names.
 *
 * <p>Thread-safe.
 */
public final class AppointmentService {

    /** Role that may create service points and services, and do everything {@link #COUNTER} does. */
    public static final String ADMIN = "ADMIN";
    /** Role of counter staff: walk-in bookings, no-shows, day lists, calling tickets. */
    public static final String COUNTER = "APPOINTMENT_COUNTER";
    /** The longest range {@link #availability} answers in one call. */
    public static final int MAX_AVAILABILITY_DAYS = 366;

    private static final int EXPIRE_BATCH = 50;

    private static final Logger LOG = LoggerFactory.getLogger(AppointmentService.class);

    private final AppointmentStore store;
    private final TransactionRunner transactions;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final HolidayCalendar holidays;
    private final Duration holdDuration;
    private final Clock clock;
    private final IdGenerator ids;

    private AppointmentService(Builder b) {
        this.store = require(b.store, "store");
        this.transactions = require(b.transactions, "transactions");
        this.audit = require(b.audit, "audit");
        this.events = require(b.events, "events");
        this.holidays = b.holidays;
        this.holdDuration = b.holdDuration;
        this.clock = b.clock;
        this.ids = IdGenerator.create(b.clock);
    }

    /** @return a builder; store, transactions, audit and events are required */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ service points and services

    /**
     * @param actor an {@link #ADMIN} of the service point's agency
     * @param definition the service point
     * @return the stored service point
     */
    public ServicePoint createServicePoint(Actor actor, ServicePointDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        actor.requireRole(definition.agency(), ADMIN, "create service point");
        ServicePoint point = new ServicePoint(ids.next(ServicePointId::new), definition, now());
        return transactions.inTransaction(() -> {
            store.insertServicePoint(point);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("zone", definition.zone().getId());
            details.put("counters", definition.counters());
            record(actor, "appointment.service_point_created", "service_point", point.id().value(),
                    point.agency(), details);
            return point;
        });
    }

    /**
     * @param actor an {@link #ADMIN} of the service point's agency
     * @param definition the service
     * @return the stored service
     * @throws NotFoundException when the service point does not exist
     */
    public BookableService addService(Actor actor, BookableServiceDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        ServicePoint point = servicePoint(definition.servicePointId());
        actor.requireRole(point.agency(), ADMIN, "add service");
        BookableService service = new BookableService(ids.next(BookableServiceId::new), point.agency(), definition,
                now());
        return transactions.inTransaction(() -> {
            store.insertService(service);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("servicePointId", point.id().value());
            details.put("code", definition.code());
            details.put("slotMinutes", definition.slotLength().toMinutes());
            details.put("capacityPerSlot", definition.capacityPerSlot());
            record(actor, "appointment.service_created", "bookable_service", service.id().value(),
                    point.agency(), details);
            return service;
        });
    }

    /**
     * @param actor anyone (service points are public)
     * @param id the service point
     * @return it
     * @throws NotFoundException when it does not exist
     */
    public ServicePoint servicePoint(Actor actor, ServicePointId id) {
        Objects.requireNonNull(actor, "actor");
        return servicePoint(id);
    }

    /**
     * @param actor anyone; staff see their own agency's, everyone else all
     * @return the service points
     */
    public List<ServicePoint> servicePoints(Actor actor) {
        return store.servicePoints(actor.isStaff() ? actor.agency() : null);
    }

    /**
     * @param actor anyone (services are public)
     * @param servicePointId a service point, or {@code null} for every service point
     * @return the bookable services
     */
    public List<BookableService> services(Actor actor, @Nullable ServicePointId servicePointId) {
        Objects.requireNonNull(actor, "actor");
        return store.services(servicePointId);
    }

    /**
     * @param actor anyone (services are public)
     * @param id the service
     * @return it
     * @throws NotFoundException when it does not exist
     */
    public BookableService service(Actor actor, BookableServiceId id) {
        Objects.requireNonNull(actor, "actor");
        return service(id);
    }

    // ------------------------------------------------------------------ availability

    /**
     * The slots of a service on the days {@code from} to {@code to} (inclusive, in the service point's
     * zone), with how many places are taken. Applicants (and the system) see the bookable horizon only:
     * from now plus the minimum notice to the maximum days ahead; staff of the agency see every slot
     * that has not ended.
     *
     * @param actor who asks
     * @param serviceId the service
     * @param from first day
     * @param to last day
     * @return the slots in time order, full ones included (see {@link Slot#available()})
     * @throws io.gcam.core.ValidationException when {@code to} is before {@code from} or the range is
     *     longer than {@value #MAX_AVAILABILITY_DAYS} days
     */
    public List<Slot> availability(Actor actor, BookableServiceId serviceId, LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw Texts.invalid("to", "RANGE_REVERSED");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_AVAILABILITY_DAYS) {
            throw Texts.invalid("to", "RANGE_TOO_LONG", MAX_AVAILABILITY_DAYS);
        }
        BookableService service = service(serviceId);
        ServicePoint point = servicePoint(service.servicePointId());
        Instant now = now();
        boolean staff = actor.isStaffOf(point.agency());
        LocalDate today = LocalDate.ofInstant(now, point.definition().zone());
        LocalDate first = from.isBefore(today) ? today : from;
        LocalDate last = staff ? to : min(to, today.plusDays(service.definition().maximumDaysAhead()));
        Instant earliest = staff ? now : now.plus(service.definition().minimumNotice());
        List<SlotPlanner.Planned> planned = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (SlotPlanner.Planned p : SlotPlanner.plan(point.definition(), service.definition(), holidays, day)) {
                if (staff ? p.end().isAfter(earliest) : !p.start().isBefore(earliest)) {
                    planned.add(p);
                }
            }
        }
        if (planned.isEmpty()) {
            return List.of();
        }
        Map<Instant, Integer> taken = store.placesTaken(serviceId, planned.get(0).start(),
                planned.get(planned.size() - 1).start().plusNanos(1000), now);
        int capacity = service.definition().capacityPerSlot();
        List<Slot> slots = new ArrayList<>(planned.size());
        for (SlotPlanner.Planned p : planned) {
            slots.add(new Slot(serviceId, p.start(), p.end(), p.localStart(), capacity, taken.getOrDefault(p.start(), 0)));
        }
        return slots;
    }

    // ------------------------------------------------------------------ booking

    /**
     * Holds a place in a slot for the applicant; confirm it with {@link #confirm} before
     * {@link Appointment#holdExpiresAt()}.
     *
     * @param actor the applicant, booking for themselves
     * @param serviceId the service
     * @param start the slot's start, as {@link #availability} gave it
     * @return the held appointment and its manage code
     * @throws AppointmentException {@code SLOT_NOT_BOOKABLE}, {@code SLOT_FULL}, {@code ALREADY_BOOKED}
     */
    public Reservation reserve(Actor actor, BookableServiceId serviceId, Instant start) {
        requireApplicant(actor, "reserve appointment");
        BookableService service = service(serviceId);
        ServicePoint point = servicePoint(service.servicePointId());
        Instant now = now();
        SlotPlanner.Planned slot = bookableSlot(point, service, start, now, false);
        return book(actor, service, slot, actor.subjectId(), AppointmentStatus.HELD, now.plus(holdDuration), false,
                now, "appointment.reserved");
    }

    /**
     * Books a confirmed appointment for a walk-in (no minimum notice or horizon; the slot must not
     * have ended).
     *
     * @param actor {@link #COUNTER} or {@link #ADMIN} staff of the service's agency
     * @param serviceId the service
     * @param start the slot's start
     * @param applicantId the applicant's subject id if they have an account, else {@code null}
     * @return the confirmed appointment and its manage code (print it for the walk-in)
     * @throws AppointmentException {@code SLOT_NOT_BOOKABLE}, {@code SLOT_FULL}, {@code ALREADY_BOOKED}
     */
    public Reservation bookWalkIn(Actor actor, BookableServiceId serviceId, Instant start,
            @Nullable String applicantId) {
        BookableService service = service(serviceId);
        requireCounter(actor, service.agency(), "book walk-in");
        ServicePoint point = servicePoint(service.servicePointId());
        Instant now = now();
        SlotPlanner.Planned slot = bookableSlot(point, service, start, now, true);
        return book(actor, service, slot, applicantId, AppointmentStatus.CONFIRMED, null, true, now,
                "appointment.walk_in_booked");
    }

    private Reservation book(Actor actor, BookableService service, SlotPlanner.Planned slot,
            @Nullable String applicantId, AppointmentStatus status, @Nullable Instant holdExpiresAt, boolean walkIn,
            Instant now, String action) {
        String code = ManageCodes.generate();
        Appointment appointment = new Appointment(ids.next(AppointmentId::new), service.id(), service.servicePointId(),
                service.agency(), applicantId, slot.start(), slot.end(), status, holdExpiresAt, walkIn,
                ManageCodes.digest(code), 0, now, now);
        return transactions.inTransaction(() -> {
            // Expire lapsed holds first, so that each gets its appointment.expired event; the store
            // still expires any it meets in the way (a safety net that records no event of its own).
            for (Appointment lapsed : store.expireHolds(now, EXPIRE_BATCH)) {
                recordAppointment(Actor.system("hold-expiry"), "appointment.expired", lapsed, Map.of());
            }
            Appointment stored = store.book(new Booking(appointment, service.definition().capacityPerSlot()), now);
            recordAppointment(actor, action, stored, Map.of());
            return new Reservation(stored, code);
        });
    }

    /**
     * Confirms a held appointment.
     *
     * @param actor the owner, staff of the agency, or anyone with the manage code
     * @param id the appointment
     * @param manageCode the manage code, or {@code null} when the actor is the owner or staff
     * @return the confirmed appointment (unchanged when it was confirmed already)
     * @throws AppointmentException {@code HOLD_EXPIRED}, {@code APPOINTMENT_NOT_ACTIVE},
     *     {@code MANAGE_CODE_INVALID}
     */
    public Appointment confirm(Actor actor, AppointmentId id, @Nullable String manageCode) {
        Appointment a = access(actor, id, manageCode);
        if (a.status() == AppointmentStatus.CONFIRMED) {
            return a;
        }
        Instant now = now();
        requireLiveHold(a, now);
        return transactions.inTransaction(() -> {
            Appointment confirmed = store.transition(id, AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, now)
                    .orElseThrow(() -> stale(id, now));
            recordAppointment(actor, "appointment.confirmed", confirmed, Map.of());
            return confirmed;
        });
    }

    /**
     * Moves an active appointment to another slot of the same service. A held appointment stays held
     * (with its expiry); a confirmed one stays confirmed.
     *
     * @param actor the owner, staff of the agency, or anyone with the manage code
     * @param id the appointment
     * @param start the new slot's start
     * @param manageCode the manage code, or {@code null} when the actor is the owner or staff
     * @return the moved appointment
     * @throws AppointmentException {@code SLOT_NOT_BOOKABLE}, {@code SLOT_FULL}, {@code HOLD_EXPIRED},
     *     {@code APPOINTMENT_NOT_ACTIVE}, {@code MANAGE_CODE_INVALID}
     */
    public Appointment reschedule(Actor actor, AppointmentId id, Instant start, @Nullable String manageCode) {
        Objects.requireNonNull(start, "start");
        Appointment a = access(actor, id, manageCode);
        Instant now = now();
        requireLiveHold(a, now);
        if (a.start().equals(start)) {
            throw Texts.invalid("start", "SAME_SLOT");
        }
        BookableService service = service(a.serviceId());
        ServicePoint point = servicePoint(service.servicePointId());
        SlotPlanner.Planned slot = bookableSlot(point, service, start, now, actor.isStaffOf(service.agency()));
        return transactions.inTransaction(() -> {
            Appointment moved = store.move(id, slot.start(), slot.end(), service.definition().capacityPerSlot(), now)
                    .orElseThrow(() -> stale(id, now));
            recordAppointment(actor, "appointment.rescheduled", moved, Map.of("previousStart", a.start()));
            return moved;
        });
    }

    /**
     * Cancels an active appointment; its place is free again at once.
     *
     * @param actor the owner, staff of the agency, or anyone with the manage code
     * @param id the appointment
     * @param manageCode the manage code, or {@code null} when the actor is the owner or staff
     * @return the cancelled appointment
     * @throws AppointmentException {@code APPOINTMENT_NOT_ACTIVE}, {@code HOLD_EXPIRED},
     *     {@code MANAGE_CODE_INVALID}
     */
    public Appointment cancel(Actor actor, AppointmentId id, @Nullable String manageCode) {
        Appointment a = access(actor, id, manageCode);
        Instant now = now();
        requireLiveHold(a, now);
        return transactions.inTransaction(() -> {
            Appointment cancelled = store.transition(id, a.status(), AppointmentStatus.CANCELLED, now)
                    .orElseThrow(() -> stale(id, now));
            recordAppointment(actor, "appointment.cancelled", cancelled, Map.of());
            return cancelled;
        });
    }

    /**
     * Marks a confirmed appointment whose slot has ended as a no-show.
     *
     * @param actor {@link #COUNTER} or {@link #ADMIN} staff of the agency
     * @param id the appointment
     * @return the appointment, now {@link AppointmentStatus#NO_SHOW}
     * @throws AppointmentException {@code NO_SHOW_TOO_EARLY}, {@code APPOINTMENT_NOT_ACTIVE}
     */
    public Appointment markNoShow(Actor actor, AppointmentId id) {
        Appointment a = find(id);
        requireCounter(actor, a.agency(), "mark no-show");
        Instant now = now();
        if (a.status() != AppointmentStatus.CONFIRMED) {
            throw new AppointmentException(AppointmentErrorCode.APPOINTMENT_NOT_ACTIVE, a.status());
        }
        if (now.isBefore(a.end())) {
            throw new AppointmentException(AppointmentErrorCode.NO_SHOW_TOO_EARLY);
        }
        return transactions.inTransaction(() -> {
            Appointment marked = store.transition(id, AppointmentStatus.CONFIRMED, AppointmentStatus.NO_SHOW, now)
                    .orElseThrow(() -> stale(id, now));
            recordAppointment(actor, "appointment.no_show", marked, Map.of());
            return marked;
        });
    }

    /**
     * Marks lapsed holds as expired (their places are already free for booking; this makes it visible
     * and publishes {@code appointment.expired}). Run it from a scheduler every minute or so.
     *
     * @param actor the system
     * @param limit at most this many holds per call
     * @return how many holds were expired
     */
    public int expireHolds(Actor actor, int limit) {
        if (!actor.isSystem()) {
            throw new AccessDeniedException("expire holds");
        }
        Instant now = now();
        int expired = transactions.inTransaction(() -> {
            List<Appointment> lapsed = store.expireHolds(now, limit);
            for (Appointment a : lapsed) {
                recordAppointment(actor, "appointment.expired", a, Map.of());
            }
            return lapsed.size();
        });
        if (expired > 0) {
            LOG.debug("expired {} lapsed holds", expired);
        }
        return expired;
    }

    // ------------------------------------------------------------------ views

    /**
     * @param actor the owner, staff of the agency, or anyone with the manage code
     * @param id the appointment
     * @param manageCode the manage code, or {@code null} when the actor is the owner or staff
     * @return the appointment
     * @throws NotFoundException when it does not exist or is not visible to the actor
     * @throws AppointmentException {@code MANAGE_CODE_INVALID}
     */
    public Appointment appointment(Actor actor, AppointmentId id, @Nullable String manageCode) {
        return access(actor, id, manageCode);
    }

    /**
     * @param actor the applicant
     * @return their appointments, newest first
     */
    public List<Appointment> myAppointments(Actor actor) {
        requireApplicant(actor, "list own appointments");
        return store.appointmentsOf(actor.subjectId());
    }

    /**
     * @param actor {@link #COUNTER} or {@link #ADMIN} staff of the agency
     * @param serviceId the service
     * @param day a day in the service point's zone
     * @return the appointments of that day, every status, by start
     */
    public List<Appointment> dayList(Actor actor, BookableServiceId serviceId, LocalDate day) {
        BookableService service = service(serviceId);
        requireCounter(actor, service.agency(), "view day list");
        ZoneId zone = servicePoint(service.servicePointId()).definition().zone();
        return store.appointments(serviceId, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * An iCalendar (RFC 5545) file with the appointment as one event, to attach to a confirmation
     * email or offer for download. Times are in UTC. The event's {@code UID} stays the same for the
     * appointment's whole life and its {@code SEQUENCE} grows with every change, so importing a newer
     * file updates the event; a cancelled or expired appointment gives {@code STATUS:CANCELLED}.
     *
     * @param actor the owner, staff of the agency, or anyone with the manage code
     * @param id the appointment
     * @param manageCode the manage code, or {@code null} when the actor is the owner or staff
     * @param locale language of the summary and location
     * @return the {@code text/calendar} content (UTF-8, CRLF line ends)
     */
    public String calendarFile(Actor actor, AppointmentId id, @Nullable String manageCode, Locale locale) {
        Appointment a = access(actor, id, manageCode);
        BookableService service = service(a.serviceId());
        ServicePoint point = servicePoint(a.servicePointId());
        boolean cancelled = !a.status().takesPlace();
        ZoneId zone = point.definition().zone();
        String local = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(a.start());
        String description = service.definition().name().in(locale) + " - " + local + " (" + zone.getId() + ")";
        return new IcsWriter("-//GCAM//gcam-appointment//EN")
                .event(a.id().value() + "@gcam.appointment", now(), a.start(), a.end(), a.sequence(),
                        cancelled ? "CANCELLED" : "CONFIRMED",
                        service.definition().name().in(locale) + " - " + point.definition().name().in(locale),
                        point.definition().location().in(locale), description)
                .finish();
    }

    // ------------------------------------------------------------------ helpers

    private SlotPlanner.Planned bookableSlot(ServicePoint point, BookableService service, Instant start, Instant now,
            boolean staff) {
        ZoneId zone = point.definition().zone();
        LocalDate day = LocalDate.ofInstant(start, zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (!staff && (start.isBefore(now.plus(service.definition().minimumNotice()))
                || day.isAfter(today.plusDays(service.definition().maximumDaysAhead())))) {
            throw new AppointmentException(AppointmentErrorCode.SLOT_NOT_BOOKABLE);
        }
        for (SlotPlanner.Planned p : SlotPlanner.plan(point.definition(), service.definition(), holidays, day)) {
            if (p.start().equals(start)) {
                if (!p.end().isAfter(now)) {
                    break;
                }
                return p;
            }
        }
        throw new AppointmentException(AppointmentErrorCode.SLOT_NOT_BOOKABLE);
    }

    private Appointment access(Actor actor, AppointmentId id, @Nullable String manageCode) {
        Objects.requireNonNull(actor, "actor");
        Appointment a = find(id);
        if (manageCode != null) {
            if (ManageCodes.matches(manageCode, a.manageCodeDigest())) {
                return a;
            }
            if (!(actor.isSystem() || actor.isStaffOf(a.agency()) || isOwner(actor, a))) {
                throw new AppointmentException(AppointmentErrorCode.MANAGE_CODE_INVALID);
            }
        }
        if (actor.isSystem() || isOwner(actor, a)) {
            return a;
        }
        if (actor.isStaffOf(a.agency()) && (actor.hasRole(COUNTER) || actor.hasRole(ADMIN))) {
            return a;
        }
        if (actor.isApplicant()) {
            throw new NotFoundException("appointment", id);
        }
        throw new AccessDeniedException("act on appointment");
    }

    private static boolean isOwner(Actor actor, Appointment a) {
        return actor.isApplicant() && actor.subjectId().equals(a.applicantId());
    }

    private static void requireLiveHold(Appointment a, Instant now) {
        if (a.status() == AppointmentStatus.EXPIRED || a.holdLapsedAt(now)) {
            throw new AppointmentException(AppointmentErrorCode.HOLD_EXPIRED);
        }
        if (a.status() != AppointmentStatus.HELD && a.status() != AppointmentStatus.CONFIRMED) {
            throw new AppointmentException(AppointmentErrorCode.APPOINTMENT_NOT_ACTIVE, a.status());
        }
    }

    /** The appointment changed between reading and the conditional update: say what it is now. */
    private AppointmentException stale(AppointmentId id, Instant now) {
        Appointment current = find(id);
        if (current.status() == AppointmentStatus.EXPIRED || current.holdLapsedAt(now)) {
            return new AppointmentException(AppointmentErrorCode.HOLD_EXPIRED);
        }
        return new AppointmentException(AppointmentErrorCode.APPOINTMENT_NOT_ACTIVE, current.status());
    }

    private static void requireCounter(Actor actor, String agency, String operation) {
        if (!(actor.isSystem() || actor.isStaffOf(agency) && (actor.hasRole(COUNTER) || actor.hasRole(ADMIN)))) {
            throw new AccessDeniedException(operation);
        }
    }

    private static void requireApplicant(Actor actor, String operation) {
        if (!Objects.requireNonNull(actor, "actor").isApplicant()) {
            throw new AccessDeniedException(operation);
        }
    }

    private Appointment find(AppointmentId id) {
        Objects.requireNonNull(id, "id");
        return store.findAppointment(id).orElseThrow(() -> new NotFoundException("appointment", id));
    }

    private ServicePoint servicePoint(ServicePointId id) {
        Objects.requireNonNull(id, "id");
        return store.findServicePoint(id).orElseThrow(() -> new NotFoundException("service point", id));
    }

    private BookableService service(BookableServiceId id) {
        Objects.requireNonNull(id, "id");
        return store.findService(id).orElseThrow(() -> new NotFoundException("service", id));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void recordAppointment(Actor actor, String action, Appointment a, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("serviceId", a.serviceId().value());
        p.put("servicePointId", a.servicePointId().value());
        p.put("status", a.status());
        p.put("start", a.start());
        p.put("end", a.end());
        p.put("walkIn", a.walkIn());
        p.put("sequence", a.sequence());
        if (a.applicantId() != null) {
            p.put("applicantId", a.applicantId());
        }
        if (a.holdExpiresAt() != null) {
            p.put("holdExpiresAt", a.holdExpiresAt());
        }
        p.putAll(extra);
        record(actor, action, "appointment", a.id().value(), a.agency(), p);
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
            throw new NullPointerException("AppointmentService needs " + name + "(...)");
        }
        return value;
    }

    /** Configures an {@link AppointmentService}. */
    public static final class Builder {
        private @Nullable AppointmentStore store;
        private @Nullable TransactionRunner transactions;
        private @Nullable AuditTrail audit;
        private @Nullable EventPublisher events;
        private HolidayCalendar holidays = HolidayCalendar.none();
        private Duration holdDuration = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param store where service points, services and appointments live (required)
         * @return this builder
         */
        public Builder store(AppointmentStore store) {
            this.store = Objects.requireNonNull(store, "store");
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
         * @param audit the audit trail every change is recorded in (required)
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
         * @param holidays public holidays on which no service point opens (default none); share the
         *     calendar with the workflow SLAs
         * @return this builder
         */
        public Builder holidays(HolidayCalendar holidays) {
            this.holidays = Objects.requireNonNull(holidays, "holidays");
            return this;
        }

        /**
         * @param duration how long a reservation is held before it must be confirmed (default 10
         *     minutes; at least 1 second)
         * @return this builder
         */
        public Builder holdDuration(Duration duration) {
            if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("the hold duration must be at least one second");
            }
            this.holdDuration = duration;
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
         * @return the service
         * @throws NullPointerException when a required setting is missing
         */
        public AppointmentService build() {
            return new AppointmentService(this);
        }
    }
}
