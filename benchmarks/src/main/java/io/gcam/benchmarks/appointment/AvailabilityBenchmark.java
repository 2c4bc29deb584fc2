package io.gcam.benchmarks.appointment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gcam.appointment.BookableService;
import io.gcam.appointment.Slot;
import io.gcam.core.Actor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Availability of 20 services over 90 days (15-minute slots, about 1,700 per service, some booked),
 * against a plain-JDBC baseline, on a fresh in-memory H2 database.
 *
 * <ul>
 *   <li>{@link #gcamAvailability()}: {@code AppointmentService.availability} for each of the 20
 *       services: service and service point lookups, the slot layout from weekly hours with breaks,
 *       closures, holidays and the zone's rules, the count of places taken per slot (one grouped
 *       query, lapsed holds excluded).</li>
 *   <li>{@link #baselineAvailability()}: for each service, the same grouped count query with plain
 *       JDBC, and the same slots laid out in a plain loop at a fixed UTC offset (no holidays, no
 *       closures, no zone rules).</li>
 * </ul>
 *
 * <p>One operation answers all 20 services (20 × 90 days).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AvailabilityBenchmark {

    static final int SERVICES = 20;
    static final int DAYS = 90;

    private HikariDataSource pool;
    private AppointmentBench bench;
    private final Actor applicant = Actor.applicant("bench-applicant");

    /** Opens a fresh database with 20 services and books two slots per service and working day. */
    @Setup(Level.Trial)
    public void setUp() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:gcam-bench-availability-" + UUID.randomUUID());
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(8);
        config.setMaxLifetime(0);
        config.setPoolName("bench-availability");
        pool = new HikariDataSource(config);
        bench = new AppointmentBench(pool, SERVICES, 2, AppointmentBench.clock());
        LocalDate today = LocalDate.ofInstant(AppointmentBench.NOW, AppointmentBench.MACAU);
        int applicants = 0;
        for (BookableService s : bench.services) {
            List<Slot> slots = bench.service.availability(applicant, s.id(), today, today.plusDays(DAYS - 1));
            for (int i = 0; i < slots.size(); i += 13) {
                bench.service.reserve(Actor.applicant("booked-" + applicants++), s.id(), slots.get(i).start());
            }
        }
    }

    /** Closes the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    /** @return the number of slots with a free place over all services */
    @Benchmark
    public int gcamAvailability() {
        LocalDate today = LocalDate.ofInstant(AppointmentBench.NOW, AppointmentBench.MACAU);
        int free = 0;
        for (BookableService s : bench.services) {
            for (Slot slot : bench.service.availability(applicant, s.id(), today, today.plusDays(DAYS - 1))) {
                if (slot.available()) {
                    free++;
                }
            }
        }
        return free;
    }

    /**
     * @return the number of slots with a free place over all services
     * @throws SQLException when the database fails
     */
    @Benchmark
    public int baselineAvailability() throws SQLException {
        LocalDate today = LocalDate.ofInstant(AppointmentBench.NOW, AppointmentBench.MACAU);
        ZoneOffset offset = ZoneOffset.ofHours(8);
        Instant from = today.atStartOfDay().toInstant(offset);
        Instant to = today.plusDays(DAYS).atStartOfDay().toInstant(offset);
        int free = 0;
        try (Connection c = pool.getConnection()) {
            for (BookableService s : bench.services) {
                Map<Instant, Integer> taken = new HashMap<>();
                try (PreparedStatement q = c.prepareStatement("SELECT starts_at, COUNT(*) FROM gcam_appt_appointment"
                        + " WHERE service_id = ? AND starts_at >= ? AND starts_at < ?"
                        + " AND status IN ('HELD', 'CONFIRMED', 'CHECKED_IN', 'NO_SHOW') GROUP BY starts_at")) {
                    q.setString(1, s.id().value());
                    q.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                    q.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            taken.put(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2));
                        }
                    }
                }
                for (LocalDate day = today; day.isBefore(today.plusDays(DAYS)); day = day.plusDays(1)) {
                    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                        continue;
                    }
                    for (var period : AppointmentBench.PERIODS) {
                        for (LocalDateTime t = day.atTime(period[0]); !t.plusMinutes(15).isAfter(day.atTime(period[1]));
                                t = t.plusMinutes(15)) {
                            if (taken.getOrDefault(t.toInstant(offset), 0) < 2) {
                                free++;
                            }
                        }
                    }
                }
            }
        }
        return free;
    }

    /** @return the set-up under test, for the smoke test */
    AppointmentBench bench() {
        return bench;
    }
}
