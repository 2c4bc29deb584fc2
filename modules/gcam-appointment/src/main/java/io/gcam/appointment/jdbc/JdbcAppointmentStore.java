package io.gcam.appointment.jdbc;

import static io.gcam.appointment.internal.Jdbc.insertIfAbsent;
import static io.gcam.appointment.internal.Jdbc.instant;
import static io.gcam.appointment.internal.Jdbc.prepare;
import static io.gcam.appointment.internal.Jdbc.update;

import io.gcam.appointment.Appointment;
import io.gcam.appointment.AppointmentErrorCode;
import io.gcam.appointment.AppointmentException;
import io.gcam.appointment.AppointmentId;
import io.gcam.appointment.AppointmentStatus;
import io.gcam.appointment.BookableService;
import io.gcam.appointment.BookableServiceDefinition;
import io.gcam.appointment.BookableServiceId;
import io.gcam.appointment.ServicePoint;
import io.gcam.appointment.ServicePointDefinition;
import io.gcam.appointment.ServicePointId;
import io.gcam.appointment.WeeklyHours;
import io.gcam.appointment.internal.Jdbc;
import io.gcam.appointment.spi.AppointmentStore;
import io.gcam.appointment.spi.Booking;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC {@link AppointmentStore} for PostgreSQL and H2. Create the tables with
 * {@code Migrations.migrate(dataSource, "appointment")}.
 *
 * <h2>How the guarantees are kept</h2>
 * <ul>
 *   <li>Each booked slot has a row with a place counter. A place is taken with {@code UPDATE
 *       gcam_appt_slot SET taken = taken + 1 WHERE ... AND taken < capacity} in the same transaction as
 *       the appointment's insert: the database applies concurrent updates of one row one after the
 *       other and re-checks the condition, so no slot is overbooked, whatever the number of threads
 *       and application instances. A {@code CHECK (taken <= capacity)} backs it up.</li>
 *   <li>Lapsed holds keep their place until they are marked expired; when a slot looks full, its lapsed
 *       holds are expired (a conditional update per hold, then {@code taken - 1}) and the place is tried
 *       again. Availability never counts lapsed holds.</li>
 *   <li>One active appointment per applicant and service is a unique constraint over a nullable
 *       "active" marker that is cleared when an appointment is finished.</li>
 *   <li>Changes lock the appointment row first, then slot rows in time order, so concurrent changes do
 *       not deadlock.</li>
 * </ul>
 *
 * <p>Give it a transaction-aware data source (e.g. {@code LocalTransactions.dataSource()}). Thread-safe.
 */
public final class JdbcAppointmentStore implements AppointmentStore {

    private static final String APPOINTMENT_COLUMNS = "id, service_id, service_point_id, agency, applicant_id,"
            + " starts_at, ends_at, status, hold_expires_at, walk_in, manage_code_digest, change_seq, created_at,"
            + " updated_at";
    private static final String PLACE_TAKING = "('HELD', 'CONFIRMED', 'CHECKED_IN', 'NO_SHOW')";

    private final Jdbc jdbc;

    /**
     * @param dataSource a transaction-aware data source, e.g. {@code LocalTransactions.dataSource()}
     */
    public JdbcAppointmentStore(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"), JdbcAppointmentStore::translate);
    }

    // ------------------------------------------------------------------ service points and services

    @Override
    public void insertServicePoint(ServicePoint p) {
        Objects.requireNonNull(p, "servicePoint");
        ServicePointDefinition d = p.definition();
        jdbc.atomically(c -> {
            update(c, "INSERT INTO gcam_appt_service_point (id, agency, name_en, name_zh_hant, name_pt, location_en,"
                    + " location_zh_hant, location_pt, zone_id, opening_hours, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.id().value(), d.agency(), d.name().en(), d.name().zhHant(), d.name().pt(), d.location().en(),
                    d.location().zhHant(), d.location().pt(), d.zone().getId(), d.hours().format(), p.createdAt());
            int position = 0;
            for (String counter : d.counters()) {
                update(c, "INSERT INTO gcam_appt_counter (service_point_id, position, name) VALUES (?, ?, ?)",
                        p.id().value(), position++, counter);
            }
            for (LocalDate day : d.closures()) {
                update(c, "INSERT INTO gcam_appt_closure (service_point_id, closed_on) VALUES (?, ?)", p.id().value(),
                        day);
            }
            return null;
        });
    }

    @Override
    public Optional<ServicePoint> findServicePoint(ServicePointId id) {
        Objects.requireNonNull(id, "id");
        List<ServicePoint> found = jdbc.read(c -> servicePoints(c, " WHERE id = ?", id.value()));
        return found.stream().findFirst();
    }

    @Override
    public List<ServicePoint> servicePoints(@Nullable String agency) {
        return jdbc.read(c -> agency == null ? servicePoints(c, "") : servicePoints(c, " WHERE agency = ?", agency));
    }

    private static List<ServicePoint> servicePoints(Connection c, String where, Object... args) throws SQLException {
        List<ServicePoint> result = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "SELECT id, agency, name_en, name_zh_hant, name_pt, location_en,"
                + " location_zh_hant, location_pt, zone_id, opening_hours, created_at FROM gcam_appt_service_point"
                + where + " ORDER BY created_at, id", args); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString("id");
                List<String> counters = new ArrayList<>();
                try (PreparedStatement q = prepare(c, "SELECT name FROM gcam_appt_counter WHERE service_point_id = ?"
                        + " ORDER BY position", id); ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        counters.add(r.getString(1));
                    }
                }
                TreeSet<LocalDate> closures = new TreeSet<>();
                try (PreparedStatement q = prepare(c, "SELECT closed_on FROM gcam_appt_closure WHERE service_point_id = ?",
                        id); ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        closures.add(r.getObject(1, LocalDate.class));
                    }
                }
                ServicePointDefinition d = new ServicePointDefinition(rs.getString("agency"),
                        text(rs, "name_en", "name_zh_hant", "name_pt"),
                        text(rs, "location_en", "location_zh_hant", "location_pt"), ZoneId.of(rs.getString("zone_id")),
                        WeeklyHours.parse(rs.getString("opening_hours")), closures, counters);
                result.add(new ServicePoint(new ServicePointId(id), d, Objects.requireNonNull(instant(rs, "created_at"))));
            }
        }
        return result;
    }

    @Override
    public void insertService(BookableService service) {
        Objects.requireNonNull(service, "service");
        BookableServiceDefinition d = service.definition();
        jdbc.atomically(c -> update(c, "INSERT INTO gcam_appt_service (id, service_point_id, agency, code, name_en,"
                + " name_zh_hant, name_pt, slot_seconds, capacity, notice_seconds, max_days_ahead, ticket_prefix,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                service.id().value(), d.servicePointId().value(), service.agency(), d.code(), d.name().en(),
                d.name().zhHant(), d.name().pt(), d.slotLength().toSeconds(), d.capacityPerSlot(),
                d.minimumNotice().toSeconds(), d.maximumDaysAhead(), d.ticketPrefix(), service.createdAt()));
    }

    @Override
    public Optional<BookableService> findService(BookableServiceId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.read(c -> services(c, " WHERE id = ?", id.value())).stream().findFirst();
    }

    @Override
    public List<BookableService> services(@Nullable ServicePointId servicePointId) {
        return jdbc.read(c -> servicePointId == null ? services(c, "")
                : services(c, " WHERE service_point_id = ?", servicePointId.value()));
    }

    private static List<BookableService> services(Connection c, String where, Object... args) throws SQLException {
        List<BookableService> result = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "SELECT id, service_point_id, agency, code, name_en, name_zh_hant,"
                + " name_pt, slot_seconds, capacity, notice_seconds, max_days_ahead, ticket_prefix, created_at"
                + " FROM gcam_appt_service" + where + " ORDER BY created_at, id", args); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                BookableServiceDefinition d = new BookableServiceDefinition(
                        new ServicePointId(rs.getString("service_point_id")), rs.getString("code"),
                        text(rs, "name_en", "name_zh_hant", "name_pt"), Duration.ofSeconds(rs.getLong("slot_seconds")),
                        rs.getInt("capacity"), Duration.ofSeconds(rs.getLong("notice_seconds")),
                        rs.getInt("max_days_ahead"), rs.getString("ticket_prefix"));
                result.add(new BookableService(new BookableServiceId(rs.getString("id")), rs.getString("agency"), d,
                        Objects.requireNonNull(instant(rs, "created_at"))));
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ availability and booking

    @Override
    public Map<Instant, Integer> placesTaken(BookableServiceId serviceId, Instant from, Instant to, Instant now) {
        return jdbc.read(c -> {
            Map<Instant, Integer> taken = new HashMap<>();
            try (PreparedStatement s = prepare(c, "SELECT starts_at, COUNT(*) AS places FROM gcam_appt_appointment"
                    + " WHERE service_id = ? AND starts_at >= ? AND starts_at < ? AND status IN " + PLACE_TAKING
                    + " AND (status <> 'HELD' OR hold_expires_at > ?) GROUP BY starts_at",
                    serviceId.value(), from, to, now); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    taken.put(Objects.requireNonNull(instant(rs, "starts_at")), rs.getInt("places"));
                }
            }
            return taken;
        });
    }

    @Override
    public Appointment book(Booking booking, Instant now) {
        Objects.requireNonNull(booking, "booking");
        Appointment a = booking.appointment();
        String serviceId = a.serviceId().value();
        return jdbc.atomically(c -> {
            String applicant = a.applicantId();
            if (applicant != null) {
                expire(c, "service_id = ? AND applicant_id = ?", now, Integer.MAX_VALUE, serviceId, applicant);
                try (PreparedStatement s = prepare(c, "SELECT COUNT(*) FROM gcam_appt_appointment WHERE service_id = ?"
                        + " AND applicant_id = ? AND active_flag = 'Y'", serviceId, applicant);
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new AppointmentException(AppointmentErrorCode.ALREADY_BOOKED);
                    }
                }
            }
            ensureSlot(c, serviceId, a.start(), booking.capacity());
            if (!takePlace(c, serviceId, a.start())) {
                if (expire(c, "service_id = ? AND starts_at = ?", now, Integer.MAX_VALUE, serviceId,
                        Jdbc.timestamp(a.start())).isEmpty() || !takePlace(c, serviceId, a.start())) {
                    throw new AppointmentException(AppointmentErrorCode.SLOT_FULL);
                }
            }
            update(c, "INSERT INTO gcam_appt_appointment (" + APPOINTMENT_COLUMNS + ", active_flag)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Y')",
                    a.id().value(), serviceId, a.servicePointId().value(), a.agency(), applicant, a.start(), a.end(),
                    a.status().name(), a.holdExpiresAt(), a.walkIn(), a.manageCodeDigest(), a.sequence(),
                    a.createdAt(), a.updatedAt());
            return a;
        });
    }

    private static void ensureSlot(Connection c, String serviceId, Instant start, int capacity) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT 1 FROM gcam_appt_slot WHERE service_id = ? AND starts_at = ?",
                serviceId, start); ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                return;
            }
        }
        insertIfAbsent(c, "INSERT INTO gcam_appt_slot (service_id, starts_at, capacity, taken) VALUES (?, ?, ?, 0)",
                serviceId, start, capacity);
    }

    private static boolean takePlace(Connection c, String serviceId, Instant start) throws SQLException {
        return update(c, "UPDATE gcam_appt_slot SET taken = taken + 1 WHERE service_id = ? AND starts_at = ?"
                + " AND taken < capacity", serviceId, start) == 1;
    }

    private static void freePlace(Connection c, String serviceId, Instant start) throws SQLException {
        update(c, "UPDATE gcam_appt_slot SET taken = taken - 1 WHERE service_id = ? AND starts_at = ? AND taken > 0",
                serviceId, start);
    }

    /** Expires the lapsed holds matching {@code where}, freeing their places; returns them as they are now. */
    private static List<Appointment> expire(Connection c, String where, Instant now, int limit, Object... args)
            throws SQLException {
        List<Object> all = new ArrayList<>(List.of(args));
        all.add(now);
        List<Appointment> lapsed = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "SELECT " + APPOINTMENT_COLUMNS + " FROM gcam_appt_appointment WHERE "
                + where + " AND status = 'HELD' AND hold_expires_at <= ? ORDER BY hold_expires_at, id", all.toArray())) {
            s.setMaxRows(limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lapsed.add(appointment(rs));
                }
            }
        }
        List<Appointment> expired = new ArrayList<>();
        for (Appointment a : lapsed) {
            if (update(c, "UPDATE gcam_appt_appointment SET status = 'EXPIRED', active_flag = NULL, updated_at = ?,"
                    + " change_seq = change_seq + 1 WHERE id = ? AND status = 'HELD' AND hold_expires_at <= ?",
                    now, a.id().value(), now) == 1) {
                freePlace(c, a.serviceId().value(), a.start());
                expired.add(load(c, a.id().value()).orElseThrow());
            }
        }
        return expired;
    }

    // ------------------------------------------------------------------ appointments

    @Override
    public Optional<Appointment> findAppointment(AppointmentId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.read(c -> load(c, id.value()));
    }

    @Override
    public Optional<Appointment> findByManageCode(String manageCodeDigest) {
        Objects.requireNonNull(manageCodeDigest, "manageCodeDigest");
        return jdbc.read(c -> {
            try (PreparedStatement s = prepare(c, "SELECT " + APPOINTMENT_COLUMNS + " FROM gcam_appt_appointment"
                    + " WHERE manage_code_digest = ?", manageCodeDigest.toLowerCase(Locale.ROOT));
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(appointment(rs)) : Optional.<Appointment>empty();
            }
        });
    }

    @Override
    public Optional<Appointment> transition(AppointmentId id, AppointmentStatus from, AppointmentStatus to, Instant at) {
        Objects.requireNonNull(id, "id");
        if (to == AppointmentStatus.EXPIRED || to == AppointmentStatus.HELD) {
            throw new IllegalArgumentException("holds are made by book and expired by expireHolds");
        }
        return jdbc.atomically(c -> {
            Optional<Appointment> before = load(c, id.value());
            if (before.isEmpty() || before.get().status() != from) {
                return Optional.<Appointment>empty();
            }
            String sql = "UPDATE gcam_appt_appointment SET status = ?, active_flag = " + (to.isActive() ? "'Y'" : "NULL")
                    + (to == AppointmentStatus.CONFIRMED ? ", hold_expires_at = NULL" : "")
                    + ", updated_at = ?, change_seq = change_seq + 1 WHERE id = ? AND status = ?"
                    + (from == AppointmentStatus.HELD ? " AND hold_expires_at > ?" : "");
            int changed = from == AppointmentStatus.HELD
                    ? update(c, sql, to.name(), at, id.value(), from.name(), at)
                    : update(c, sql, to.name(), at, id.value(), from.name());
            if (changed == 0) {
                return Optional.<Appointment>empty();
            }
            if (from.takesPlace() && !to.takesPlace()) {
                freePlace(c, before.get().serviceId().value(), before.get().start());
            }
            return load(c, id.value());
        });
    }

    @Override
    public Optional<Appointment> move(AppointmentId id, Instant start, Instant end, int capacity, Instant at) {
        Objects.requireNonNull(id, "id");
        return jdbc.atomically(c -> {
            Optional<Appointment> found = load(c, id.value());
            if (found.isEmpty() || !found.get().status().isActive() || found.get().holdLapsedAt(at)) {
                return Optional.<Appointment>empty();
            }
            Appointment a = found.get();
            String serviceId = a.serviceId().value();
            // Lock the appointment row first (conditional on what was read), then the slots in time order.
            if (update(c, "UPDATE gcam_appt_appointment SET starts_at = ?, ends_at = ?, updated_at = ?,"
                    + " change_seq = change_seq + 1 WHERE id = ? AND status = ? AND starts_at = ?"
                    + " AND (status <> 'HELD' OR hold_expires_at > ?)",
                    start, end, at, id.value(), a.status().name(), a.start(), at) == 0) {
                return Optional.<Appointment>empty();
            }
            ensureSlot(c, serviceId, start, capacity);
            try (PreparedStatement s = prepare(c, "SELECT taken FROM gcam_appt_slot WHERE service_id = ?"
                    + " AND starts_at IN (?, ?) ORDER BY starts_at FOR UPDATE", serviceId, a.start(), start);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getInt(1);
                }
            }
            if (!takePlace(c, serviceId, start)) {
                if (expire(c, "service_id = ? AND starts_at = ?", at, Integer.MAX_VALUE, serviceId,
                        Jdbc.timestamp(start)).isEmpty() || !takePlace(c, serviceId, start)) {
                    throw new AppointmentException(AppointmentErrorCode.SLOT_FULL);
                }
            }
            freePlace(c, serviceId, a.start());
            return load(c, id.value());
        });
    }

    @Override
    public List<Appointment> expireHolds(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return jdbc.atomically(c -> expire(c, "1 = 1", now, limit));
    }

    @Override
    public List<Appointment> appointments(BookableServiceId serviceId, Instant from, Instant to) {
        return jdbc.read(c -> list(c, "SELECT " + APPOINTMENT_COLUMNS + " FROM gcam_appt_appointment WHERE service_id = ?"
                + " AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, created_at, id", serviceId.value(), from, to));
    }

    @Override
    public List<Appointment> appointmentsOf(String applicantId) {
        return jdbc.read(c -> list(c, "SELECT " + APPOINTMENT_COLUMNS + " FROM gcam_appt_appointment"
                + " WHERE applicant_id = ? ORDER BY created_at DESC, id DESC", applicantId));
    }

    private static List<Appointment> list(Connection c, String sql, Object... args) throws SQLException {
        List<Appointment> result = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(appointment(rs));
            }
        }
        return result;
    }

    private static Optional<Appointment> load(Connection c, String id) throws SQLException {
        List<Appointment> found = list(c, "SELECT " + APPOINTMENT_COLUMNS + " FROM gcam_appt_appointment WHERE id = ?", id);
        return found.stream().findFirst();
    }

    private static Appointment appointment(ResultSet rs) throws SQLException {
        return new Appointment(new AppointmentId(rs.getString("id")), new BookableServiceId(rs.getString("service_id")),
                new ServicePointId(rs.getString("service_point_id")), rs.getString("agency"),
                rs.getString("applicant_id"), Objects.requireNonNull(instant(rs, "starts_at")),
                Objects.requireNonNull(instant(rs, "ends_at")), AppointmentStatus.valueOf(rs.getString("status")),
                instant(rs, "hold_expires_at"), rs.getBoolean("walk_in"), rs.getString("manage_code_digest"),
                rs.getInt("change_seq"), Objects.requireNonNull(instant(rs, "created_at")),
                Objects.requireNonNull(instant(rs, "updated_at")));
    }

    private static LocalizedText text(ResultSet rs, String en, String zh, String pt) throws SQLException {
        return new LocalizedText(rs.getString(en), rs.getString(zh), rs.getString(pt));
    }

    private static GcamException translate(SQLException e) {
        if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("gcam_appt_one_active")) {
                return new AppointmentException(AppointmentErrorCode.ALREADY_BOOKED);
            }
        }
        return Jdbc.storageFailure(e);
    }
}
