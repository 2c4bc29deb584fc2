package io.gcam.testkit.appointment;

import io.gcam.appointment.Appointment;
import io.gcam.appointment.AppointmentErrorCode;
import io.gcam.appointment.AppointmentException;
import io.gcam.appointment.AppointmentId;
import io.gcam.appointment.AppointmentStatus;
import io.gcam.appointment.BookableService;
import io.gcam.appointment.BookableServiceId;
import io.gcam.appointment.ServicePoint;
import io.gcam.appointment.ServicePointId;
import io.gcam.appointment.spi.AppointmentStore;
import io.gcam.appointment.spi.Booking;
import io.gcam.core.ConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AppointmentStore} in memory, for tests and demos. Every operation holds one lock, so
 * compound operations are atomic; it takes part in no transaction (a rolled-back caller leaves its
 * changes in place). Passes {@link AppointmentStoreCompatibilityKit}.
 */
public final class InMemoryAppointmentStore implements AppointmentStore {

    private final Map<ServicePointId, ServicePoint> points = new LinkedHashMap<>();
    private final Map<BookableServiceId, BookableService> services = new LinkedHashMap<>();
    private final Map<AppointmentId, Appointment> appointments = new LinkedHashMap<>();
    private final Map<BookableServiceId, Map<Instant, Integer>> capacities = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryAppointmentStore() {
    }

    @Override
    public synchronized void insertServicePoint(ServicePoint servicePoint) {
        if (points.putIfAbsent(servicePoint.id(), servicePoint) != null) {
            throw new ConflictException("service point " + servicePoint.id());
        }
    }

    @Override
    public synchronized Optional<ServicePoint> findServicePoint(ServicePointId id) {
        return Optional.ofNullable(points.get(id));
    }

    @Override
    public synchronized List<ServicePoint> servicePoints(@Nullable String agency) {
        return points.values().stream().filter(p -> agency == null || p.agency().equals(agency)).toList();
    }

    @Override
    public synchronized void insertService(BookableService service) {
        if (!points.containsKey(service.servicePointId())) {
            throw new IllegalArgumentException("no service point " + service.servicePointId());
        }
        boolean duplicateCode = services.values().stream().anyMatch(s -> s.servicePointId().equals(service.servicePointId())
                && s.definition().code().equals(service.definition().code()));
        if (duplicateCode || services.putIfAbsent(service.id(), service) != null) {
            throw new ConflictException("service " + service.definition().code());
        }
    }

    @Override
    public synchronized Optional<BookableService> findService(BookableServiceId id) {
        return Optional.ofNullable(services.get(id));
    }

    @Override
    public synchronized List<BookableService> services(@Nullable ServicePointId servicePointId) {
        return services.values().stream()
                .filter(s -> servicePointId == null || s.servicePointId().equals(servicePointId)).toList();
    }

    @Override
    public synchronized Map<Instant, Integer> placesTaken(BookableServiceId serviceId, Instant from, Instant to,
            Instant now) {
        Map<Instant, Integer> taken = new HashMap<>();
        for (Appointment a : appointments.values()) {
            if (a.serviceId().equals(serviceId) && !a.start().isBefore(from) && a.start().isBefore(to)
                    && takesPlace(a, now)) {
                taken.merge(a.start(), 1, Integer::sum);
            }
        }
        return taken;
    }

    @Override
    public synchronized Appointment book(Booking booking, Instant now) {
        Appointment a = booking.appointment();
        String applicant = a.applicantId();
        if (applicant != null) {
            expire(x -> x.serviceId().equals(a.serviceId()) && applicant.equals(x.applicantId()), now, Integer.MAX_VALUE);
            if (appointments.values().stream().anyMatch(x -> x.serviceId().equals(a.serviceId())
                    && applicant.equals(x.applicantId()) && x.status().isActive())) {
                throw new AppointmentException(AppointmentErrorCode.ALREADY_BOOKED);
            }
        }
        int capacity = capacities.computeIfAbsent(a.serviceId(), k -> new HashMap<>())
                .computeIfAbsent(a.start(), k -> booking.capacity());
        if (placesTaken(a.serviceId(), a.start(), now) >= capacity) {
            throw new AppointmentException(AppointmentErrorCode.SLOT_FULL);
        }
        if (appointments.putIfAbsent(a.id(), a) != null) {
            throw new ConflictException("appointment " + a.id());
        }
        return a;
    }

    /** Places held by appointments that take one, lapsed holds included until they are expired (as in JDBC). */
    private int placesTaken(BookableServiceId serviceId, Instant start, Instant now) {
        expire(x -> x.serviceId().equals(serviceId) && x.start().equals(start), now, Integer.MAX_VALUE);
        return (int) appointments.values().stream()
                .filter(x -> x.serviceId().equals(serviceId) && x.start().equals(start) && x.status().takesPlace())
                .count();
    }

    @Override
    public synchronized Optional<Appointment> findAppointment(AppointmentId id) {
        return Optional.ofNullable(appointments.get(id));
    }

    @Override
    public synchronized Optional<Appointment> findByManageCode(String manageCodeDigest) {
        return appointments.values().stream().filter(a -> a.manageCodeDigest().equalsIgnoreCase(manageCodeDigest))
                .findFirst();
    }

    @Override
    public synchronized Optional<Appointment> transition(AppointmentId id, AppointmentStatus from, AppointmentStatus to,
            Instant at) {
        if (to == AppointmentStatus.EXPIRED || to == AppointmentStatus.HELD) {
            throw new IllegalArgumentException("holds are made by book and expired by expireHolds");
        }
        Appointment a = appointments.get(id);
        if (a == null || a.status() != from || a.holdLapsedAt(at)) {
            return Optional.empty();
        }
        Appointment changed = with(a, to, to == AppointmentStatus.CONFIRMED ? null : a.holdExpiresAt(), a.start(),
                a.end(), at);
        appointments.put(id, changed);
        return Optional.of(changed);
    }

    @Override
    public synchronized Optional<Appointment> move(AppointmentId id, Instant start, Instant end, int capacity,
            Instant at) {
        Appointment a = appointments.get(id);
        if (a == null || !a.status().isActive() || a.holdLapsedAt(at)) {
            return Optional.empty();
        }
        int slotCapacity = capacities.computeIfAbsent(a.serviceId(), k -> new HashMap<>())
                .computeIfAbsent(start, k -> capacity);
        if (placesTaken(a.serviceId(), start, at) >= slotCapacity) {
            throw new AppointmentException(AppointmentErrorCode.SLOT_FULL);
        }
        Appointment moved = with(a, a.status(), a.holdExpiresAt(), start, end, at);
        appointments.put(id, moved);
        return Optional.of(moved);
    }

    @Override
    public synchronized List<Appointment> expireHolds(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return expire(a -> true, now, limit);
    }

    private List<Appointment> expire(Predicate<Appointment> which, Instant now, int limit) {
        List<Appointment> lapsed = appointments.values().stream().filter(a -> a.holdLapsedAt(now)).filter(which)
                .sorted(Comparator.comparing((Appointment a) -> Objects.requireNonNull(a.holdExpiresAt()))
                        .thenComparing(a -> a.id().value()))
                .limit(limit).toList();
        List<Appointment> expired = new ArrayList<>();
        for (Appointment a : lapsed) {
            Appointment e = with(a, AppointmentStatus.EXPIRED, a.holdExpiresAt(), a.start(), a.end(), now);
            appointments.put(a.id(), e);
            expired.add(e);
        }
        return expired;
    }

    @Override
    public synchronized List<Appointment> appointments(BookableServiceId serviceId, Instant from, Instant to) {
        return appointments.values().stream()
                .filter(a -> a.serviceId().equals(serviceId) && !a.start().isBefore(from) && a.start().isBefore(to))
                .sorted(Comparator.comparing(Appointment::start).thenComparing(Appointment::createdAt)
                        .thenComparing(a -> a.id().value()))
                .toList();
    }

    @Override
    public synchronized List<Appointment> appointmentsOf(String applicantId) {
        return appointments.values().stream().filter(a -> applicantId.equals(a.applicantId()))
                .sorted(Comparator.comparing(Appointment::createdAt).thenComparing(a -> a.id().value()).reversed())
                .toList();
    }

    private static boolean takesPlace(Appointment a, Instant now) {
        return a.status().takesPlace() && !a.holdLapsedAt(now);
    }

    private static Appointment with(Appointment a, AppointmentStatus status, @Nullable Instant holdExpiresAt,
            Instant start, Instant end, Instant at) {
        return new Appointment(a.id(), a.serviceId(), a.servicePointId(), a.agency(), a.applicantId(), start, end, status,
                holdExpiresAt, a.walkIn(), a.manageCodeDigest(), a.sequence() + 1, a.createdAt(), at);
    }
}
