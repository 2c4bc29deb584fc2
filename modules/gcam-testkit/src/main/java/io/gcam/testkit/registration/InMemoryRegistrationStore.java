package io.gcam.testkit.registration;

import io.gcam.core.ConflictException;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.registration.Activity;
import io.gcam.registration.ActivityId;
import io.gcam.registration.ActivityStatus;
import io.gcam.registration.Cancellation;
import io.gcam.registration.Registration;
import io.gcam.registration.RegistrationCounts;
import io.gcam.registration.RegistrationErrorCode;
import io.gcam.registration.RegistrationException;
import io.gcam.registration.RegistrationId;
import io.gcam.registration.RegistrationQuery;
import io.gcam.registration.RegistrationStatus;
import io.gcam.registration.Session;
import io.gcam.registration.SessionId;
import io.gcam.registration.spi.RegistrationStore;
import io.gcam.registration.spi.SeatRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RegistrationStore} in memory, for tests and demos. Every operation holds one lock, so
 * compound operations are atomic; it takes part in no transaction (a rolled-back caller leaves its
 * changes in place). Passes {@link RegistrationStoreCompatibilityKit}.
 */
public final class InMemoryRegistrationStore implements RegistrationStore {

    private final Map<ActivityId, Activity> activities = new LinkedHashMap<>();
    private final Map<SessionId, Seats> seats = new LinkedHashMap<>();
    private final Map<RegistrationId, Row> registrations = new LinkedHashMap<>();

    /** Creates an empty store. */
    public InMemoryRegistrationStore() {
    }

    private static final class Seats {
        final ActivityId activityId;
        final int capacity;
        int taken;
        int waitlisted;
        long waitlistSeq;

        Seats(ActivityId activityId, int capacity) {
            this.activityId = activityId;
            this.capacity = capacity;
        }
    }

    private static final class Row {
        final RegistrationId id;
        final ActivityId activityId;
        SessionId sessionId;
        final String applicantId;
        RegistrationStatus status;
        @Nullable String candidateNumber;
        long waitlistSeq;
        int slot;
        final Instant registeredAt;
        @Nullable Instant cancelledAt;

        Row(SeatRequest request, RegistrationStatus status, @Nullable String candidateNumber, long waitlistSeq, int slot) {
            this.id = request.id();
            this.activityId = request.activityId();
            this.sessionId = request.sessionId();
            this.applicantId = request.applicantId();
            this.status = status;
            this.candidateNumber = candidateNumber;
            this.waitlistSeq = waitlistSeq;
            this.slot = slot;
            this.registeredAt = request.at();
        }
    }

    @Override
    public synchronized void insertActivity(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        if (activities.containsKey(activity.id())) {
            throw new IllegalArgumentException("activity " + activity.id() + " exists");
        }
        activities.put(activity.id(), activity);
        for (Session session : activity.sessions()) {
            seats.put(session.id(), new Seats(activity.id(), session.capacity()));
        }
    }

    @Override
    public synchronized Optional<Activity> findActivity(ActivityId id) {
        return Optional.ofNullable(activities.get(id)).map(this::current);
    }

    @Override
    public synchronized Optional<Activity> findActivityOfSession(SessionId id) {
        Seats s = seats.get(id);
        return s == null ? Optional.empty() : findActivity(s.activityId);
    }

    @Override
    public synchronized boolean updateActivityStatus(ActivityId id, ActivityStatus expected, ActivityStatus next) {
        Activity activity = activities.get(id);
        if (activity == null || activity.status() != expected) {
            return false;
        }
        activities.put(id, activity.withStatus(next));
        return true;
    }

    @Override
    public synchronized List<Registration> cancelActivity(ActivityId id, ActivityStatus expected, Instant at) {
        Objects.requireNonNull(at, "at");
        Activity activity = activities.get(id);
        if (activity == null) {
            throw new NotFoundException("activity", id);
        }
        if (activity.status() != expected || expected == ActivityStatus.CANCELLED) {
            throw new ConflictException("activity " + id.value());
        }
        activities.put(id, activity.withStatus(ActivityStatus.CANCELLED));
        List<Row> active = registrations.values().stream()
                .filter(r -> r.activityId.equals(id) && r.status.isActive())
                .sorted(Comparator.<Row, Instant>comparing(r -> r.registeredAt).thenComparing(r -> r.id.value()))
                .toList();
        for (Row row : active) {
            row.status = RegistrationStatus.CANCELLED;
            row.cancelledAt = at;
        }
        for (Session session : activity.sessions()) {
            Seats s = seats.get(session.id());
            s.taken = 0;
            s.waitlisted = 0;
        }
        return active.stream().map(this::view).toList();
    }

    @Override
    public synchronized Page<Activity> activities(@Nullable String agency, @Nullable ActivityStatus status,
            PageRequest page) {
        List<Activity> all = activities.values().stream()
                .filter(a -> agency == null || a.agency().equals(agency))
                .filter(a -> status == null || a.status() == status)
                .sorted(Comparator.comparing(Activity::createdAt).thenComparing(a -> a.id().value()).reversed())
                .map(this::current)
                .toList();
        return slice(all, page);
    }

    @Override
    public synchronized Registration register(SeatRequest request, Supplier<String> candidateNumber) {
        Seats s = seats.get(request.sessionId());
        if (s == null || !s.activityId.equals(request.activityId())) {
            throw new NotFoundException("session", request.sessionId());
        }
        if (activities.get(s.activityId).status() != ActivityStatus.OPEN) {
            throw new RegistrationException(RegistrationErrorCode.REGISTRATION_CLOSED);
        }
        Set<Integer> slots = new HashSet<>();
        for (Row r : registrations.values()) {
            if (r.activityId.equals(request.activityId()) && r.applicantId.equals(request.applicantId())
                    && r.status.isActive()) {
                if (r.sessionId.equals(request.sessionId())) {
                    throw new RegistrationException(RegistrationErrorCode.ALREADY_REGISTERED);
                }
                slots.add(r.slot);
            }
        }
        int slot = 1;
        while (slots.contains(slot)) {
            slot++;
        }
        if (slot > request.maxActivePerApplicant()) {
            throw new RegistrationException(RegistrationErrorCode.ALREADY_REGISTERED);
        }
        Row row;
        if (s.taken < s.capacity) {
            row = new Row(request, RegistrationStatus.CONFIRMED, candidateNumber.get(), 0, slot);
            s.taken++;
        } else if (s.waitlisted < request.waitlistLimit()) {
            s.waitlisted++;
            s.waitlistSeq++;
            row = new Row(request, RegistrationStatus.WAITLISTED, null, s.waitlistSeq, slot);
        } else {
            throw new RegistrationException(RegistrationErrorCode.REGISTRATION_FULL);
        }
        registrations.put(row.id, row);
        return view(row);
    }

    @Override
    public synchronized Optional<Registration> findRegistration(RegistrationId id) {
        return Optional.ofNullable(registrations.get(id)).map(this::view);
    }

    @Override
    public synchronized Cancellation cancel(RegistrationId id, Instant at, Supplier<String> candidateNumber) {
        Row row = active(id);
        Seats s = seats.get(row.sessionId);
        RegistrationStatus was = row.status;
        row.status = RegistrationStatus.CANCELLED;
        row.cancelledAt = at;
        Row promoted = null;
        if (was == RegistrationStatus.CONFIRMED) {
            s.taken--;
            promoted = promote(row.sessionId, s, candidateNumber);
        } else {
            s.waitlisted--;
        }
        return new Cancellation(view(row), promoted == null ? null : view(promoted));
    }

    @Override
    public synchronized Cancellation move(RegistrationId id, SessionId target, Instant at,
            Supplier<String> candidateNumber) {
        Row row = registrations.get(id);
        if (row == null) {
            throw new NotFoundException("registration", id);
        }
        Seats to = seats.get(target);
        if (to == null || !to.activityId.equals(row.activityId)) {
            throw new NotFoundException("session", target);
        }
        if (row.sessionId.equals(target)) {
            throw new RegistrationException(RegistrationErrorCode.ALREADY_REGISTERED);
        }
        active(id);
        for (Row other : registrations.values()) {
            if (other != row && other.status.isActive() && other.sessionId.equals(target)
                    && other.applicantId.equals(row.applicantId)) {
                throw new RegistrationException(RegistrationErrorCode.ALREADY_REGISTERED);
            }
        }
        if (to.taken >= to.capacity) {
            throw new RegistrationException(RegistrationErrorCode.REGISTRATION_FULL);
        }
        Seats from = seats.get(row.sessionId);
        SessionId old = row.sessionId;
        RegistrationStatus was = row.status;
        to.taken++;
        row.sessionId = target;
        row.status = RegistrationStatus.CONFIRMED;
        if (row.candidateNumber == null) {
            row.candidateNumber = candidateNumber.get();
        }
        Row promoted = null;
        if (was == RegistrationStatus.CONFIRMED) {
            from.taken--;
            promoted = promote(old, from, candidateNumber);
        } else {
            from.waitlisted--;
        }
        return new Cancellation(view(row), promoted == null ? null : view(promoted));
    }

    @Override
    public synchronized Page<Registration> registrations(RegistrationQuery query, PageRequest page) {
        Predicate<Row> filter = r -> r.activityId.equals(query.activityId())
                && (query.sessionId() == null || r.sessionId.equals(query.sessionId()))
                && (query.status() == null || r.status == query.status())
                && (query.applicantId() == null || r.applicantId.equals(query.applicantId()));
        List<Registration> all = registrations.values().stream().filter(filter)
                .sorted(Comparator.<Row, Instant>comparing(r -> r.registeredAt).thenComparing(r -> r.id.value()))
                .map(this::view).toList();
        return slice(all, page);
    }

    @Override
    public synchronized Page<Registration> registrationsOf(String applicantId, PageRequest page) {
        List<Registration> all = registrations.values().stream().filter(r -> r.applicantId.equals(applicantId))
                .sorted(Comparator.<Row, Instant>comparing(r -> r.registeredAt).thenComparing(r -> r.id.value())
                        .reversed())
                .map(this::view).toList();
        return slice(all, page);
    }

    @Override
    public synchronized RegistrationCounts counts(ActivityId activityId, @Nullable SessionId sessionId) {
        long[] n = new long[3];
        for (Row r : registrations.values()) {
            if (r.activityId.equals(activityId) && (sessionId == null || r.sessionId.equals(sessionId))) {
                n[r.status.ordinal()]++;
            }
        }
        return new RegistrationCounts(n[RegistrationStatus.CONFIRMED.ordinal()],
                n[RegistrationStatus.WAITLISTED.ordinal()], n[RegistrationStatus.CANCELLED.ordinal()]);
    }

    private Row active(RegistrationId id) {
        Row row = registrations.get(id);
        if (row == null) {
            throw new NotFoundException("registration", id);
        }
        if (row.status == RegistrationStatus.CANCELLED) {
            throw new RegistrationException(RegistrationErrorCode.REGISTRATION_NOT_ACTIVE);
        }
        return row;
    }

    private @Nullable Row promote(SessionId sessionId, Seats s, Supplier<String> candidateNumber) {
        Row first = registrations.values().stream()
                .filter(r -> r.sessionId.equals(sessionId) && r.status == RegistrationStatus.WAITLISTED)
                .min(Comparator.comparingLong(r -> r.waitlistSeq)).orElse(null);
        if (first == null || s.taken >= s.capacity) {
            return null;
        }
        s.taken++;
        s.waitlisted--;
        first.status = RegistrationStatus.CONFIRMED;
        if (first.candidateNumber == null) {
            first.candidateNumber = candidateNumber.get();
        }
        return first;
    }

    private Registration view(Row row) {
        Integer position = null;
        if (row.status == RegistrationStatus.WAITLISTED) {
            position = (int) registrations.values().stream().filter(r -> r.sessionId.equals(row.sessionId)
                    && r.status == RegistrationStatus.WAITLISTED && r.waitlistSeq <= row.waitlistSeq).count();
        }
        return new Registration(row.id, row.activityId, row.sessionId, row.applicantId, row.status,
                row.candidateNumber, position, row.registeredAt, row.cancelledAt);
    }

    private Activity current(Activity activity) {
        List<Session> sessions = new ArrayList<>();
        for (Session session : activity.sessions()) {
            Seats s = seats.get(session.id());
            sessions.add(new Session(session.id(), activity.id(), session.definition(), s.taken, s.waitlisted));
        }
        return new Activity(activity.id(), activity.status(), activity.definition(), sessions, activity.createdAt());
    }

    private static <T> Page<T> slice(List<T> all, PageRequest page) {
        int from = (int) Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.size());
        return Page.of(all.subList(from, to), page, all.size());
    }
}
