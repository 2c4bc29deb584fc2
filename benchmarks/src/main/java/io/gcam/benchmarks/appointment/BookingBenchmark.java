package io.gcam.benchmarks.appointment;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.appointment.AppointmentStatus;
import io.gcam.appointment.BookableService;
import io.gcam.appointment.Reservation;
import io.gcam.appointment.Slot;
import io.gcam.core.Actor;
import io.gcam.testsupport.db.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bookings per second from 32 threads on embedded PostgreSQL: a booking is a reservation (a hold)
 * and its confirmation, two transactions, for a new applicant each time, spread over a month of
 * slots with room for everyone.
 *
 * <ul>
 *   <li>{@link #gcamBook()}: {@code AppointmentService.reserve} then {@code confirm}: slot checks
 *       against opening hours and horizon, the lapsed-hold sweep, the conditional place update, the
 *       active-booking check, the appointment insert, audit entry and event per transaction.</li>
 *   <li>{@link #baselineBook()}: plain JDBC, two transactions: {@code UPDATE slot SET taken = taken + 1
 *       WHERE ... AND taken < capacity} with the insert of a held row, then the update to confirmed.</li>
 * </ul>
 *
 * <p>Every audited write appends to gcam-core's single hash chain, which serializes on one row: the
 * ratio shows that price.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(32)
@Fork(1)
public class BookingBenchmark {

    private static final int CAPACITY = 1_000_000;

    private HikariDataSource pool;
    private AppointmentBench bench;
    private BookableService service;
    private List<Instant> slots;
    private final AtomicLong next = new AtomicLong();

    /** Starts a fresh PostgreSQL database with one service and the baseline tables. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        pool = TestDatabases.postgres().newPool(40);
        bench = new AppointmentBench(pool, 1, CAPACITY, AppointmentBench.clock());
        service = bench.services.get(0);
        LocalDate today = LocalDate.ofInstant(AppointmentBench.NOW, AppointmentBench.MACAU);
        slots = bench.service.availability(Actor.applicant("bench"), service.id(), today, today.plusDays(30)).stream()
                .map(Slot::start).toList();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_slot (starts_at TIMESTAMP WITH TIME ZONE PRIMARY KEY,"
                    + " capacity INTEGER NOT NULL, taken INTEGER NOT NULL, CHECK (taken <= capacity))");
            s.execute("CREATE TABLE bench_booking (id CHAR(36) PRIMARY KEY, applicant VARCHAR(255) NOT NULL UNIQUE,"
                    + " starts_at TIMESTAMP WITH TIME ZONE NOT NULL, status VARCHAR(16) NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_slot VALUES (?, ?, 0)")) {
                for (Instant slot : slots) {
                    insert.setObject(1, OffsetDateTime.ofInstant(slot, ZoneOffset.UTC));
                    insert.setInt(2, CAPACITY);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** Closes the pool (the database server is shared by the JVM and stops with it). */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    /** @return the confirmed appointment's status */
    @Benchmark
    public AppointmentStatus gcamBook() {
        long n = next.getAndIncrement();
        Actor applicant = Actor.applicant("gcam-" + n);
        Reservation r = bench.service.reserve(applicant, service.id(), slots.get((int) (n % slots.size())));
        return bench.service.confirm(applicant, r.appointment().id(), null).status();
    }

    /**
     * @return 1 when the booking was made
     * @throws SQLException when the database fails
     */
    @Benchmark
    public int baselineBook() throws SQLException {
        long n = next.getAndIncrement();
        OffsetDateTime start = OffsetDateTime.ofInstant(slots.get((int) (n % slots.size())), ZoneOffset.UTC);
        String id = UUID.randomUUID().toString();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement take = c.prepareStatement(
                        "UPDATE bench_slot SET taken = taken + 1 WHERE starts_at = ? AND taken < capacity")) {
                    take.setObject(1, start);
                    if (take.executeUpdate() != 1) {
                        c.rollback();
                        return 0;
                    }
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO bench_booking (id, applicant, starts_at, status) VALUES (?, ?, ?, 'HELD')")) {
                    insert.setString(1, id);
                    insert.setString(2, "baseline-" + n);
                    insert.setObject(3, start);
                    insert.executeUpdate();
                }
                c.commit();
                try (PreparedStatement confirm = c.prepareStatement(
                        "UPDATE bench_booking SET status = 'CONFIRMED' WHERE id = ? AND status = 'HELD'")) {
                    confirm.setString(1, id);
                    int confirmed = confirm.executeUpdate();
                    c.commit();
                    return confirmed;
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** @return the pool, for the smoke test */
    HikariDataSource pool() {
        return pool;
    }
}
