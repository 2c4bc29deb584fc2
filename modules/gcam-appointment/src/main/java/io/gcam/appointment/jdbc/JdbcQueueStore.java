package io.gcam.appointment.jdbc;

import static io.gcam.appointment.internal.Jdbc.insertIfAbsent;
import static io.gcam.appointment.internal.Jdbc.instant;
import static io.gcam.appointment.internal.Jdbc.prepare;
import static io.gcam.appointment.internal.Jdbc.update;

import io.gcam.appointment.AppointmentId;
import io.gcam.appointment.BookableServiceId;
import io.gcam.appointment.ServicePointId;
import io.gcam.appointment.Ticket;
import io.gcam.appointment.TicketId;
import io.gcam.appointment.TicketKind;
import io.gcam.appointment.TicketStatus;
import io.gcam.appointment.internal.Jdbc;
import io.gcam.appointment.spi.QueueStore;
import io.gcam.appointment.spi.TicketRequest;
import io.gcam.core.ConflictException;
import io.gcam.core.GcamException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC {@link QueueStore} for PostgreSQL and H2. Create the tables with
 * {@code Migrations.migrate(dataSource, "appointment")}.
 *
 * <p>Numbers come from a counter row per service point, day and prefix, incremented under its row
 * lock in the transaction that inserts the ticket (a unique constraint on the number backs it up);
 * status changes are conditional updates. Give it a transaction-aware data source. Thread-safe.
 */
public final class JdbcQueueStore implements QueueStore {

    private static final String COLUMNS = "id, service_point_id, service_id, local_day, ticket_number, ticket_kind,"
            + " appointment_id, scheduled_at, status, counter_name, issued_at, called_at, finished_at";

    private final Jdbc jdbc;

    /**
     * @param dataSource a transaction-aware data source, e.g. {@code LocalTransactions.dataSource()}
     */
    public JdbcQueueStore(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"), JdbcQueueStore::translate);
    }

    @Override
    public Ticket issue(TicketRequest r) {
        Objects.requireNonNull(r, "request");
        return jdbc.atomically(c -> {
            String point = r.servicePointId().value();
            insertIfAbsent(c, "INSERT INTO gcam_appt_ticket_counter (service_point_id, local_day, prefix, last_number)"
                    + " VALUES (?, ?, ?, 0)", point, r.day(), r.prefix());
            update(c, "UPDATE gcam_appt_ticket_counter SET last_number = last_number + 1 WHERE service_point_id = ?"
                    + " AND local_day = ? AND prefix = ?", point, r.day(), r.prefix());
            int seq;
            try (PreparedStatement s = prepare(c, "SELECT last_number FROM gcam_appt_ticket_counter WHERE"
                    + " service_point_id = ? AND local_day = ? AND prefix = ?", point, r.day(), r.prefix());
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
            String number = r.prefix() + String.format(Locale.ROOT, "%03d", seq);
            AppointmentId appointment = r.appointmentId();
            update(c, "INSERT INTO gcam_appt_ticket (id, service_point_id, service_id, local_day, prefix, seq_no,"
                    + " ticket_number, ticket_kind, appointment_id, scheduled_at, status, issued_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?)",
                    r.id().value(), point, r.serviceId().value(), r.day(), r.prefix(), seq, number, r.kind().name(),
                    appointment == null ? null : appointment.value(), r.scheduledAt(), r.issuedAt());
            return new Ticket(r.id(), r.servicePointId(), r.serviceId(), r.day(), number, r.kind(), appointment,
                    r.scheduledAt(), TicketStatus.WAITING, null, r.issuedAt(), null, null);
        });
    }

    @Override
    public Optional<Ticket> findTicket(TicketId id) {
        Objects.requireNonNull(id, "id");
        return jdbc.read(c -> first(c, "WHERE id = ?", id.value()));
    }

    @Override
    public Optional<Ticket> findByAppointment(AppointmentId appointmentId) {
        Objects.requireNonNull(appointmentId, "appointmentId");
        return jdbc.read(c -> first(c, "WHERE appointment_id = ?", appointmentId.value()));
    }

    @Override
    public List<Ticket> tickets(ServicePointId servicePointId, LocalDate day) {
        return jdbc.read(c -> list(c, "WHERE service_point_id = ? AND local_day = ? ORDER BY issued_at, prefix, seq_no",
                servicePointId.value(), day));
    }

    @Override
    public Optional<Ticket> change(TicketId id, TicketStatus from, TicketStatus to, @Nullable String counter,
            Instant at) {
        Objects.requireNonNull(id, "id");
        return jdbc.atomically(c -> {
            StringBuilder sql = new StringBuilder("UPDATE gcam_appt_ticket SET status = ?");
            List<Object> args = new ArrayList<>(List.of(to.name()));
            if (counter != null) {
                sql.append(", counter_name = ?");
                args.add(counter);
            }
            if (to == TicketStatus.CALLED) {
                sql.append(", called_at = ?");
                args.add(at);
            } else if (to == TicketStatus.SERVED) {
                sql.append(", finished_at = ?");
                args.add(at);
            }
            sql.append(" WHERE id = ? AND status = ?");
            args.add(id.value());
            args.add(from.name());
            if (update(c, sql.toString(), args.toArray()) == 0) {
                return Optional.<Ticket>empty();
            }
            return first(c, "WHERE id = ?", id.value());
        });
    }

    @Override
    public List<Duration> recentServiceTimes(BookableServiceId serviceId, int limit) {
        return jdbc.read(c -> {
            List<Duration> times = new ArrayList<>();
            try (PreparedStatement s = prepare(c, "SELECT called_at, finished_at FROM gcam_appt_ticket"
                    + " WHERE service_id = ? AND status = 'SERVED' AND called_at IS NOT NULL"
                    + " ORDER BY finished_at DESC, id DESC", serviceId.value())) {
                s.setMaxRows(limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        times.add(Duration.between(Objects.requireNonNull(instant(rs, "called_at")),
                                Objects.requireNonNull(instant(rs, "finished_at"))));
                    }
                }
            }
            return times;
        });
    }

    private static Optional<Ticket> first(Connection c, String where, Object... args) throws SQLException {
        return list(c, where, args).stream().findFirst();
    }

    private static List<Ticket> list(Connection c, String where, Object... args) throws SQLException {
        List<Ticket> result = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "SELECT " + COLUMNS + " FROM gcam_appt_ticket " + where, args);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String appointment = rs.getString("appointment_id");
                result.add(new Ticket(new TicketId(rs.getString("id")),
                        new ServicePointId(rs.getString("service_point_id")),
                        new BookableServiceId(rs.getString("service_id")), rs.getObject("local_day", LocalDate.class),
                        rs.getString("ticket_number"), TicketKind.valueOf(rs.getString("ticket_kind")),
                        appointment == null ? null : new AppointmentId(appointment), instant(rs, "scheduled_at"),
                        TicketStatus.valueOf(rs.getString("status")), rs.getString("counter_name"),
                        Objects.requireNonNull(instant(rs, "issued_at")), instant(rs, "called_at"),
                        instant(rs, "finished_at")));
            }
        }
        return result;
    }

    private static GcamException translate(SQLException e) {
        if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())
                && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("gcam_appt_ticket_appointment")) {
            return new ConflictException("ticket of the appointment");
        }
        return Jdbc.storageFailure(e);
    }
}
