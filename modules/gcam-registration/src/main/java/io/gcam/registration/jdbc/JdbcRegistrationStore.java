package io.gcam.registration.jdbc;

import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.registration.Activity;
import io.gcam.registration.ActivityCategory;
import io.gcam.registration.ActivityDefinition;
import io.gcam.registration.ActivityId;
import io.gcam.registration.ActivityStatus;
import io.gcam.registration.Cancellation;
import io.gcam.registration.EligibilityCriteria;
import io.gcam.registration.Registration;
import io.gcam.registration.RegistrationCounts;
import io.gcam.registration.RegistrationErrorCode;
import io.gcam.registration.RegistrationException;
import io.gcam.registration.RegistrationId;
import io.gcam.registration.RegistrationQuery;
import io.gcam.registration.RegistrationStatus;
import io.gcam.registration.Session;
import io.gcam.registration.SessionDefinition;
import io.gcam.registration.SessionId;
import io.gcam.registration.spi.RegistrationStore;
import io.gcam.registration.spi.SeatOutlook;
import io.gcam.registration.spi.SeatRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC {@link RegistrationStore} for PostgreSQL and H2. Create the tables with
 * {@code Migrations.migrate(dataSource, "registration")}.
 *
 * <h2>How the guarantees are kept</h2>
 * <ul>
 *   <li>A seat is taken with {@code UPDATE gcam_reg_session SET taken = taken + 1 WHERE id = ? AND
 *       taken < capacity}: the database applies concurrent updates of one row one after the other
 *       and re-checks the condition, so no seat is sold twice, whatever the number of threads and
 *       application instances. A {@code CHECK (taken <= capacity)} backs it up.</li>
 *   <li>A waitlist place is taken with a conditional update that also requires the session to be
 *       full ({@code taken >= capacity}), so nobody joins the waitlist while a seat is free.</li>
 *   <li>One active registration per applicant and session, and at most N per activity, are unique
 *       constraints over nullable "active marker" columns that are cleared on cancellation (portable
 *       to H2, which has no partial indexes).</li>
 *   <li>Cancellations, promotions and session changes lock the session rows they change (in id
 *       order), so a freed seat always goes to the first waitlisted registration.</li>
 *   <li>A registration is inserted only while its activity is open, checked after its session row is
 *       locked; cancelling an activity locks all its session rows first, so no registration slips into
 *       a cancelled activity.</li>
 * </ul>
 *
 * <p>Give it a transaction-aware data source (e.g. {@code LocalTransactions.dataSource()}): each
 * operation gets a connection and closes it; inside the caller's transaction it joins it, outside
 * it runs its compound operations in a transaction of its own. Thread-safe.
 */
public final class JdbcRegistrationStore implements RegistrationStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_ATTEMPTS = 1000;

    private static final String ACTIVITY_COLUMNS = "id, agency, status, category, title_en, title_zh_hant, title_pt,"
            + " description_en, description_zh_hant, description_pt, registration_opens, registration_closes,"
            + " cancellation_deadline, max_sessions_per_applicant, waitlist_enabled, waitlist_max_length,"
            + " required_document_type, min_age, max_age, age_reference_date, residency_statuses, min_qualification,"
            + " created_at";
    private static final String SESSION_COLUMNS =
            "id, activity_id, venue_en, venue_zh_hant, venue_pt, starts_at, ends_at, capacity, taken, waitlisted";
    private static final String REGISTRATION_SELECT = "SELECT r.id, r.activity_id, r.session_id, r.applicant_id,"
            + " r.status, r.candidate_number, r.registered_at, r.cancelled_at,"
            + " CASE WHEN r.status = 'WAITLISTED' THEN (SELECT COUNT(*) FROM gcam_reg_registration w"
            + " WHERE w.session_id = r.session_id AND w.status = 'WAITLISTED' AND w.waitlist_seq <= r.waitlist_seq)"
            + " END AS waitlist_position FROM gcam_reg_registration r";

    private final DataSource dataSource;

    /**
     * @param dataSource a transaction-aware data source, e.g. {@code LocalTransactions.dataSource()}
     */
    public JdbcRegistrationStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void insertActivity(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        atomically(c -> {
            ActivityDefinition d = activity.definition();
            EligibilityCriteria e = d.eligibility();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO gcam_reg_activity (" + ACTIVITY_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, activity.id().value());
                s.setString(2, d.agency());
                s.setString(3, activity.status().name());
                s.setString(4, d.category().name());
                setText(s, 5, d.title());
                setText(s, 8, d.description());
                setInstant(s, 11, d.registrationOpens());
                setInstant(s, 12, d.registrationCloses());
                setInstant(s, 13, d.cancellationDeadline());
                s.setInt(14, d.maxSessionsPerApplicant());
                s.setBoolean(15, d.waitlistEnabled());
                s.setInt(16, d.waitlistMaxLength());
                s.setString(17, d.requiredDocumentType());
                setInteger(s, 18, e.minimumAge());
                setInteger(s, 19, e.maximumAge());
                if (e.ageReferenceDate() == null) {
                    s.setNull(20, Types.DATE);
                } else {
                    s.setObject(20, e.ageReferenceDate());
                }
                s.setString(21, e.residencyStatuses().isEmpty() ? null
                        : String.join(",", new TreeSet<>(e.residencyStatuses())));
                setInteger(s, 22, e.minimumQualificationLevel());
                setInstant(s, 23, activity.createdAt());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO gcam_reg_session (id, activity_id, position,"
                    + " venue_en, venue_zh_hant, venue_pt, starts_at, ends_at, capacity, taken, waitlisted, waitlist_seq)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)")) {
                int position = 0;
                for (Session session : activity.sessions()) {
                    s.setString(1, session.id().value());
                    s.setString(2, activity.id().value());
                    s.setInt(3, position++);
                    setText(s, 4, session.venue());
                    setInstant(s, 7, session.definition().startsAt());
                    setInstant(s, 8, session.definition().endsAt());
                    s.setInt(9, session.capacity());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<Activity> findActivity(ActivityId id) {
        Objects.requireNonNull(id, "id");
        return read(c -> loadActivity(c, id.value()));
    }

    @Override
    public Optional<Activity> findActivityOfSession(SessionId id) {
        Objects.requireNonNull(id, "id");
        return read(c -> {
            String activityId = null;
            try (PreparedStatement s = c.prepareStatement("SELECT activity_id FROM gcam_reg_session WHERE id = ?")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        activityId = rs.getString(1);
                    }
                }
            }
            return activityId == null ? Optional.<Activity>empty() : loadActivity(c, activityId);
        });
    }

    /** {@inheritDoc} One query. */
    @Override
    public Optional<SeatOutlook> seatOutlook(SessionId sessionId, String applicantId) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(applicantId, "applicantId");
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT s.activity_id, a.status, s.capacity, s.taken,"
                    + " s.waitlisted, (SELECT COUNT(*) FROM gcam_reg_registration r WHERE r.activity_id = s.activity_id"
                    + " AND r.applicant_id = ? AND r.active_slot IS NOT NULL) FROM gcam_reg_session s"
                    + " JOIN gcam_reg_activity a ON a.id = s.activity_id WHERE s.id = ?")) {
                s.setString(1, applicantId);
                s.setString(2, sessionId.value());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<SeatOutlook>empty();
                    }
                    return Optional.of(new SeatOutlook(new ActivityId(rs.getString(1)),
                            ActivityStatus.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getLong(6) > 0));
                }
            }
        });
    }

    @Override
    public boolean updateActivityStatus(ActivityId id, ActivityStatus expected, ActivityStatus next) {
        return read(c -> update(c, "UPDATE gcam_reg_activity SET status = ? WHERE id = ? AND status = ?",
                next.name(), id.value(), expected.name()) == 1);
    }

    @Override
    public Page<Activity> activities(@Nullable String agency, @Nullable ActivityStatus status, PageRequest page) {
        Objects.requireNonNull(page, "page");
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (agency != null) {
            where.append(" AND agency = ?");
            args.add(agency);
        }
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.name());
        }
        return read(c -> {
            long total = count(c, "SELECT COUNT(*) FROM gcam_reg_activity" + where, args);
            List<String> ids = new ArrayList<>();
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(page.offset());
            pageArgs.add(page.size());
            try (PreparedStatement s = prepare(c, "SELECT id FROM gcam_reg_activity" + where
                    + " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", pageArgs);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            List<Activity> items = new ArrayList<>(ids.size());
            for (String activityId : ids) {
                loadActivity(c, activityId).ifPresent(items::add);
            }
            return Page.of(items, page, Math.max(total, page.offset() + items.size()));
        });
    }

    @Override
    public Registration register(SeatRequest request, Supplier<String> candidateNumber) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(candidateNumber, "candidateNumber");
        String sessionId = request.sessionId().value();
        return atomically(c -> {
            Set<Integer> slots = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT session_id, active_slot FROM gcam_reg_registration"
                    + " WHERE activity_id = ? AND applicant_id = ? AND active_slot IS NOT NULL")) {
                s.setString(1, request.activityId().value());
                s.setString(2, request.applicantId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1).equals(sessionId)) {
                            throw new RegistrationException(RegistrationErrorCode.ALREADY_REGISTERED);
                        }
                        slots.add(rs.getInt(2));
                    }
                }
            }
            int slot = 1;
            while (slots.contains(slot)) {
                slot++;
            }
            if (slot > request.maxActivePerApplicant()) {
                throw new RegistrationException(RegistrationErrorCode.ALREADY_REGISTERED);
            }
            RegistrationStatus status = null;
            long waitlistSeq = 0;
            Integer waitlistPosition = null;
            for (int attempt = 0; status == null; attempt++) {
                if (update(c, "UPDATE gcam_reg_session SET taken = taken + 1 WHERE id = ? AND taken < capacity",
                        sessionId) == 1) {
                    status = RegistrationStatus.CONFIRMED;
                } else if (request.waitlistLimit() > 0 && update(c, "UPDATE gcam_reg_session SET waitlisted ="
                        + " waitlisted + 1, waitlist_seq = waitlist_seq + 1 WHERE id = ? AND taken >= capacity"
                        + " AND waitlisted < ?", sessionId, request.waitlistLimit()) == 1) {
                    status = RegistrationStatus.WAITLISTED;
                    // The session row is locked by this transaction now: its counters are this
                    // registration's sequence number and, being the last in line, its position.
                    try (PreparedStatement s = c.prepareStatement(
                            "SELECT waitlist_seq, waitlisted FROM gcam_reg_session WHERE id = ?")) {
                        s.setString(1, sessionId);
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            waitlistSeq = rs.getLong(1);
                            waitlistPosition = rs.getInt(2);
                        }
                    }
                } else {
                    // Full, or a seat was freed between the two updates: look before trying again.
                    int[] seats = seats(c, sessionId);
                    if (seats[0] >= seats[1] || attempt >= MAX_ATTEMPTS) {
                        throw new RegistrationException(RegistrationErrorCode.REGISTRATION_FULL);
                    }
                }
            }
            String number = status == RegistrationStatus.CONFIRMED ? candidateNumber.get() : null;
            // Inserted only while the activity is open, read after the session row is locked: an activity
            // cancelled meanwhile (cancelActivity locks the same rows first) stores nothing.
            try (PreparedStatement s = c.prepareStatement("INSERT INTO gcam_reg_registration (id, activity_id,"
                    + " session_id, applicant_id, status, candidate_number, waitlist_seq, active_slot, active_flag,"
                    + " registered_at, updated_at) SELECT ?, id, ?, ?, ?, ?, ?, ?, 'Y', ?, ? FROM gcam_reg_activity"
                    + " WHERE id = ? AND status = 'OPEN'")) {
                s.setString(1, request.id().value());
                s.setString(2, sessionId);
                s.setString(3, request.applicantId());
                s.setString(4, status.name());
                s.setString(5, number);
                if (status == RegistrationStatus.WAITLISTED) {
                    s.setLong(6, waitlistSeq);
                } else {
                    s.setNull(6, Types.BIGINT);
                }
                s.setInt(7, slot);
                setInstant(s, 8, request.at());
                setInstant(s, 9, request.at());
                s.setString(10, request.activityId().value());
                if (s.executeUpdate() != 1) {
                    throw new RegistrationException(RegistrationErrorCode.REGISTRATION_CLOSED);
                }
            }
            return new Registration(request.id(), request.activityId(), request.sessionId(), request.applicantId(),
                    status, number, waitlistPosition, request.at(), null);
        });
    }

    @Override
    public Optional<Registration> findRegistration(RegistrationId id) {
        Objects.requireNonNull(id, "id");
        return read(c -> loadRegistration(c, id.value()));
    }

    @Override
    public Cancellation cancel(RegistrationId id, Instant at, Supplier<String> candidateNumber) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(candidateNumber, "candidateNumber");
        return atomically(c -> {
            while (true) {
                Raw seen = raw(c, id.value());
                lockSessions(c, seen.sessionId());
                Raw current = raw(c, id.value());
                if (!current.sessionId().equals(seen.sessionId())) {
                    continue; // moved meanwhile: lock its new session instead
                }
                if (current.status() == RegistrationStatus.CANCELLED) {
                    throw new RegistrationException(RegistrationErrorCode.REGISTRATION_NOT_ACTIVE);
                }
                update(c, "UPDATE gcam_reg_registration SET status = 'CANCELLED', active_slot = NULL,"
                        + " active_flag = NULL, cancelled_at = ?, updated_at = ? WHERE id = ?",
                        timestamp(at), timestamp(at), id.value());
                String promoted = null;
                if (current.status() == RegistrationStatus.CONFIRMED) {
                    update(c, "UPDATE gcam_reg_session SET taken = taken - 1 WHERE id = ?", current.sessionId());
                    promoted = promote(c, current.sessionId(), at, candidateNumber);
                } else {
                    update(c, "UPDATE gcam_reg_session SET waitlisted = waitlisted - 1 WHERE id = ?",
                            current.sessionId());
                }
                return cancellation(c, id.value(), promoted);
            }
        });
    }

    @Override
    public Cancellation move(RegistrationId id, SessionId target, Instant at, Supplier<String> candidateNumber) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(candidateNumber, "candidateNumber");
        String targetId = target.value();
        return atomically(c -> {
            while (true) {
                Raw seen = raw(c, id.value());
                String targetActivity = null;
                try (PreparedStatement s = c.prepareStatement("SELECT activity_id FROM gcam_reg_session WHERE id = ?")) {
                    s.setString(1, targetId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            targetActivity = rs.getString(1);
                        }
                    }
                }
                if (targetActivity == null || !targetActivity.equals(seen.activityId())) {
                    throw new NotFoundException("session", targetId);
                }
                if (seen.sessionId().equals(targetId)) {
                    throw new RegistrationException(RegistrationErrorCode.ALREADY_REGISTERED);
                }
                lockSessions(c, seen.sessionId(), targetId);
                Raw current = raw(c, id.value());
                if (!current.sessionId().equals(seen.sessionId())) {
                    continue;
                }
                if (current.status() == RegistrationStatus.CANCELLED) {
                    throw new RegistrationException(RegistrationErrorCode.REGISTRATION_NOT_ACTIVE);
                }
                if (update(c, "UPDATE gcam_reg_session SET taken = taken + 1 WHERE id = ? AND taken < capacity",
                        targetId) != 1) {
                    throw new RegistrationException(RegistrationErrorCode.REGISTRATION_FULL);
                }
                String number = current.candidateNumber() != null ? current.candidateNumber() : candidateNumber.get();
                update(c, "UPDATE gcam_reg_registration SET session_id = ?, status = 'CONFIRMED', candidate_number = ?,"
                        + " updated_at = ? WHERE id = ?", targetId, number, timestamp(at), id.value());
                String promoted = null;
                if (current.status() == RegistrationStatus.CONFIRMED) {
                    update(c, "UPDATE gcam_reg_session SET taken = taken - 1 WHERE id = ?", current.sessionId());
                    promoted = promote(c, current.sessionId(), at, candidateNumber);
                } else {
                    update(c, "UPDATE gcam_reg_session SET waitlisted = waitlisted - 1 WHERE id = ?",
                            current.sessionId());
                }
                return cancellation(c, id.value(), promoted);
            }
        });
    }

    /**
     * {@inheritDoc} Locks the activity's session rows first (in id order, like cancellations and moves),
     * so no registration, cancellation or move of the activity is in progress while it runs, and none
     * starts after it without seeing the activity cancelled.
     */
    @Override
    public List<Registration> cancelActivity(ActivityId id, ActivityStatus expected, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(at, "at");
        if (expected == ActivityStatus.CANCELLED) {
            throw new ConflictException("activity " + id.value());
        }
        return atomically(c -> {
            List<String> sessionIds = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM gcam_reg_session WHERE activity_id = ?")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sessionIds.add(rs.getString(1));
                    }
                }
            }
            lockSessions(c, sessionIds.toArray(String[]::new));
            if (update(c, "UPDATE gcam_reg_activity SET status = 'CANCELLED' WHERE id = ? AND status = ?",
                    id.value(), expected.name()) != 1) {
                if (loadActivity(c, id.value()).isEmpty()) {
                    throw new NotFoundException("activity", id);
                }
                throw new ConflictException("activity " + id.value());
            }
            List<Registration> cancelled = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, session_id, applicant_id, candidate_number,"
                    + " registered_at FROM gcam_reg_registration WHERE activity_id = ? AND active_flag = 'Y'"
                    + " ORDER BY registered_at, id")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        cancelled.add(new Registration(new RegistrationId(rs.getString("id")), id,
                                new SessionId(rs.getString("session_id")), rs.getString("applicant_id"),
                                RegistrationStatus.CANCELLED, rs.getString("candidate_number"), null,
                                instant(rs, "registered_at"), at));
                    }
                }
            }
            update(c, "UPDATE gcam_reg_registration SET status = 'CANCELLED', active_slot = NULL, active_flag = NULL,"
                    + " cancelled_at = ?, updated_at = ? WHERE activity_id = ? AND active_flag = 'Y'",
                    timestamp(at), timestamp(at), id.value());
            update(c, "UPDATE gcam_reg_session SET taken = 0, waitlisted = 0 WHERE activity_id = ?", id.value());
            return cancelled;
        });
    }

    @Override
    public Page<Registration> registrations(RegistrationQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE r.activity_id = ?");
        args.add(query.activityId().value());
        if (query.sessionId() != null) {
            where.append(" AND r.session_id = ?");
            args.add(query.sessionId().value());
        }
        if (query.status() != null) {
            where.append(" AND r.status = ?");
            args.add(query.status().name());
        }
        if (query.applicantId() != null) {
            where.append(" AND r.applicant_id = ?");
            args.add(query.applicantId());
        }
        return read(c -> registrationPage(c, where.toString(), " ORDER BY r.registered_at, r.id", args, page));
    }

    @Override
    public Page<Registration> registrationsOf(String applicantId, PageRequest page) {
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(page, "page");
        return read(c -> registrationPage(c, " WHERE r.applicant_id = ?", " ORDER BY r.registered_at DESC, r.id DESC",
                List.of(applicantId), page));
    }

    @Override
    public RegistrationCounts counts(ActivityId activityId, @Nullable SessionId sessionId) {
        Objects.requireNonNull(activityId, "activityId");
        List<Object> args = new ArrayList<>();
        args.add(activityId.value());
        String sql = "SELECT status, COUNT(*) FROM gcam_reg_registration WHERE activity_id = ?";
        if (sessionId != null) {
            sql += " AND session_id = ?";
            args.add(sessionId.value());
        }
        String grouped = sql + " GROUP BY status";
        return read(c -> {
            long confirmed = 0;
            long waitlisted = 0;
            long cancelled = 0;
            try (PreparedStatement s = prepare(c, grouped, args); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    switch (RegistrationStatus.valueOf(rs.getString(1))) {
                        case CONFIRMED -> confirmed = rs.getLong(2);
                        case WAITLISTED -> waitlisted = rs.getLong(2);
                        case CANCELLED -> cancelled = rs.getLong(2);
                        default -> throw new IllegalStateException();
                    }
                }
            }
            return new RegistrationCounts(confirmed, waitlisted, cancelled);
        });
    }

    // ---------------------------------------------------------------- internals

    /** Gives the first waitlisted registration of a locked session the seat just freed. */
    private static @Nullable String promote(Connection c, String sessionId, Instant at, Supplier<String> numbers)
            throws SQLException {
        String id = null;
        String number = null;
        try (PreparedStatement s = c.prepareStatement("SELECT id, candidate_number FROM gcam_reg_registration"
                + " WHERE session_id = ? AND status = 'WAITLISTED' ORDER BY waitlist_seq FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, sessionId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    id = rs.getString(1);
                    number = rs.getString(2);
                }
            }
        }
        if (id == null || update(c, "UPDATE gcam_reg_session SET taken = taken + 1, waitlisted = waitlisted - 1"
                + " WHERE id = ? AND taken < capacity", sessionId) != 1) {
            return null;
        }
        update(c, "UPDATE gcam_reg_registration SET status = 'CONFIRMED', candidate_number = ?, updated_at = ?"
                + " WHERE id = ?", number != null ? number : numbers.get(), timestamp(at), id);
        return id;
    }

    private static void lockSessions(Connection c, String... sessionIds) throws SQLException {
        // Always in id order, whoever locks: two operations locking overlapping sessions never deadlock.
        String[] ordered = sessionIds.clone();
        Arrays.sort(ordered);
        for (String sessionId : ordered) {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM gcam_reg_session WHERE id = ? FOR UPDATE")) {
                s.setString(1, sessionId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("session", sessionId);
                    }
                }
            }
        }
    }

    private static Cancellation cancellation(Connection c, String id, @Nullable String promotedId) throws SQLException {
        Registration registration = loadRegistration(c, id).orElseThrow();
        Registration promoted = promotedId == null ? null : loadRegistration(c, promotedId).orElseThrow();
        return new Cancellation(registration, promoted);
    }

    private record Raw(String activityId, String sessionId, RegistrationStatus status, @Nullable String candidateNumber) {
    }

    private static Raw raw(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT activity_id, session_id, status, candidate_number"
                + " FROM gcam_reg_registration WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("registration", id);
                }
                return new Raw(rs.getString(1), rs.getString(2), RegistrationStatus.valueOf(rs.getString(3)),
                        rs.getString(4));
            }
        }
    }

    private static int[] seats(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT taken, capacity FROM gcam_reg_session WHERE id = ?")) {
            s.setString(1, sessionId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("session", sessionId);
                }
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    private static Page<Registration> registrationPage(Connection c, String where, String order, List<Object> args,
            PageRequest page) throws SQLException {
        long total = count(c, "SELECT COUNT(*) FROM gcam_reg_registration r" + where, args);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.offset());
        pageArgs.add(page.size());
        List<Registration> items = new ArrayList<>();
        try (PreparedStatement s = prepare(c, REGISTRATION_SELECT + where + order
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", pageArgs); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                items.add(registration(rs));
            }
        }
        // The count and the page are two reads: a registration stored between them must not make the
        // page claim fewer items than it holds.
        return Page.of(items, page, Math.max(total, page.offset() + items.size()));
    }

    private static Optional<Registration> loadRegistration(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REGISTRATION_SELECT + " WHERE r.id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(registration(rs)) : Optional.empty();
            }
        }
    }

    private static Registration registration(ResultSet rs) throws SQLException {
        long position = rs.getLong("waitlist_position");
        Integer waitlistPosition = rs.wasNull() ? null : (int) position;
        return new Registration(new RegistrationId(rs.getString("id")), new ActivityId(rs.getString("activity_id")),
                new SessionId(rs.getString("session_id")), rs.getString("applicant_id"),
                RegistrationStatus.valueOf(rs.getString("status")), rs.getString("candidate_number"),
                waitlistPosition, instant(rs, "registered_at"), instantOrNull(rs, "cancelled_at"));
    }

    private static Optional<Activity> loadActivity(Connection c, String id) throws SQLException {
        List<SessionRow> sessions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + SESSION_COLUMNS
                + " FROM gcam_reg_session WHERE activity_id = ? ORDER BY position")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    SessionDefinition definition = new SessionDefinition(text(rs, "venue_en", "venue_zh_hant", "venue_pt"),
                            instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getInt("capacity"));
                    sessions.add(new SessionRow(rs.getString("id"), definition, rs.getInt("taken"),
                            rs.getInt("waitlisted")));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + ACTIVITY_COLUMNS + " FROM gcam_reg_activity WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String residency = rs.getString("residency_statuses");
                EligibilityCriteria eligibility = new EligibilityCriteria(integer(rs, "min_age"), integer(rs, "max_age"),
                        rs.getObject("age_reference_date", LocalDate.class),
                        residency == null ? Set.of() : Set.of(residency.split(",")), integer(rs, "min_qualification"));
                ActivityDefinition definition = new ActivityDefinition(rs.getString("agency"),
                        text(rs, "title_en", "title_zh_hant", "title_pt"),
                        rs.getString("description_en") == null ? null
                                : text(rs, "description_en", "description_zh_hant", "description_pt"),
                        ActivityCategory.valueOf(rs.getString("category")),
                        sessions.stream().map(SessionRow::definition).toList(), instant(rs, "registration_opens"),
                        instant(rs, "registration_closes"), instant(rs, "cancellation_deadline"),
                        rs.getInt("max_sessions_per_applicant"), rs.getBoolean("waitlist_enabled"),
                        rs.getInt("waitlist_max_length"), rs.getString("required_document_type"), eligibility);
                ActivityId activityId = new ActivityId(id);
                List<Session> sessionList = sessions.stream()
                        .map(r -> new Session(new SessionId(r.id()), activityId, r.definition(), r.taken(), r.waitlisted()))
                        .toList();
                return Optional.of(new Activity(activityId, ActivityStatus.valueOf(rs.getString("status")), definition,
                        sessionList, instant(rs, "created_at")));
            }
        }
    }

    private record SessionRow(String id, SessionDefinition definition, int taken, int waitlisted) {
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private <T> T atomically(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean own = c.getAutoCommit();
            if (own) {
                c.setAutoCommit(false);
            }
            try {
                T result = work.run(c);
                if (own) {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                if (own) {
                    try {
                        c.rollback();
                    } catch (SQLException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                }
                throw e;
            } finally {
                if (own) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static GcamException translate(SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("gcam_reg_one_per")) {
                return new RegistrationException(RegistrationErrorCode.ALREADY_REGISTERED);
            }
        }
        return new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, Arrays.asList(args))) {
            return s.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void setInstant(PreparedStatement s, int index, Instant instant) throws SQLException {
        s.setObject(index, timestamp(instant));
    }

    private static void setInteger(PreparedStatement s, int index, @Nullable Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static void setText(PreparedStatement s, int index, @Nullable LocalizedText text) throws SQLException {
        s.setString(index, text == null ? null : text.en());
        s.setString(index + 1, text == null ? null : text.zhHant());
        s.setString(index + 2, text == null ? null : text.pt());
    }

    private static LocalizedText text(ResultSet rs, String en, String zh, String pt) throws SQLException {
        return new LocalizedText(rs.getString(en), rs.getString(zh), rs.getString(pt));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
