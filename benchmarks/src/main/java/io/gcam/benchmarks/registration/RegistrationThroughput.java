package io.gcam.benchmarks.registration;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.registration.Activity;
import io.gcam.registration.ActivityDefinition;
import io.gcam.registration.RegistrationService;
import io.gcam.registration.RegistrationStatus;
import io.gcam.registration.SessionDefinition;
import io.gcam.registration.SessionId;
import io.gcam.registration.jdbc.JdbcRegistrationStore;
import io.gcam.testsupport.db.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario runner for issue 6: 20,000 registration attempts for 1,000 seats from 32 threads on
 * PostgreSQL through {@link RegistrationService} (audit trail, events, candidate numbers, one
 * transaction per attempt), against a bare-JDBC baseline that only does the conditional seat UPDATE
 * and, when it took a seat, an INSERT. Prints both throughputs, their ratio and the overbooking
 * count of each run (confirmed rows above capacity, must be 0).
 *
 * <p>Run: {@code java -cp <classpath> io.gcam.benchmarks.registration.RegistrationThroughput [attempts] [seats] [threads] [rounds]}
 */
public final class RegistrationThroughput {

    private RegistrationThroughput() {
    }

    /**
     * @param args optional: attempts (20000), seats (1000), threads (32), rounds (3)
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        int attempts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int seats = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        // Warm-up runs (JIT, server caches), then measured rounds of one run each, so that a change in
        // the machine's load hits both sides of a round alike; the median round decides.
        service(attempts / 10, seats / 10, threads);
        baseline(attempts / 10, seats / 10, threads);
        List<Double> ratios = new ArrayList<>();
        int overbooked = 0;
        for (int round = 1; round <= rounds; round++) {
            Result service = service(attempts, seats, threads);
            Result baseline = baseline(attempts, seats, threads);
            print("service ", service, attempts, seats);
            print("baseline", baseline, attempts, seats);
            double ratio = service.perSecond(attempts) / baseline.perSecond(attempts);
            System.out.printf(Locale.ROOT, "round %d: ratio service/baseline = %.2f%n", round, ratio);
            ratios.add(ratio);
            overbooked += service.overbooked() + baseline.overbooked();
        }
        ratios.sort(null);
        System.out.printf(Locale.ROOT, "ratio service/baseline = %.2f, median of %d rounds %s (target >= 0.5);"
                + " overbooked %d (must be 0)%n", ratios.get(ratios.size() / 2), rounds, format(ratios), overbooked);
        System.exit(0); // the embedded PostgreSQL server stops in a shutdown hook
    }

    private static String format(List<Double> ratios) {
        List<String> texts = new ArrayList<>();
        for (double ratio : ratios) {
            texts.add(String.format(Locale.ROOT, "%.2f", ratio));
        }
        return texts.toString();
    }

    /**
     * @param nanos the whole run
     * @param confirmNanos from the start to the last confirmation: the phase in which attempts queue
     *     for the session's seat row
     */
    private record Result(long nanos, long confirmNanos, int confirmed, long confirmedRows, int overbooked) {
        double perSecond(int attempts) {
            return attempts / (nanos / 1e9);
        }
    }

    private static void print(String name, Result r, int attempts, int seats) {
        double perSecond = r.perSecond(attempts);
        System.out.printf(Locale.ROOT, "%s: %d attempts in %.2f s = %.0f attempts/s (last confirmation after %.2f s);"
                + " confirmed %d (rows %d, seats %d), overbooked %d%n", name, attempts, r.nanos() / 1e9, perSecond,
                r.confirmNanos() / 1e9, r.confirmed(), r.confirmedRows(), seats, r.overbooked());
    }

    private static Result service(int attempts, int seats, int threads) throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        try (HikariDataSource pool = db.newPool(threads + 2)) {
            Migrations.migrate(pool, "core");
            Migrations.migrate(pool, "registration");
            LocalTransactions tx = LocalTransactions.over(pool);
            Instant now = Instant.parse("2026-03-02T00:00:00Z");
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            RegistrationService service = RegistrationService.builder()
                    .store(new JdbcRegistrationStore(tx.dataSource()))
                    .transactions(tx)
                    .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                    .events(event -> { })
                    .candidateNumbers(ReferenceNumberGenerator.builder().name("bench").format("B[SEQ:6]-[CHK]")
                            .store(JdbcSequenceStore.reserving(pool, 100)).clock(clock).build())
                    .clock(clock)
                    .build();
            Actor admin = Actor.system("benchmark");
            Activity activity = service.createActivity(admin, ActivityDefinition.builder()
                    .agency("BENCH")
                    .title(LocalizedText.english("Benchmark exam"))
                    .session(new SessionDefinition(LocalizedText.english("Hall"), now.plus(Duration.ofDays(30)),
                            now.plus(Duration.ofDays(30)).plusSeconds(3600), seats))
                    .registrationWindow(now.minusSeconds(60), now.plus(Duration.ofDays(10)))
                    .cancellationDeadline(now.plus(Duration.ofDays(20)))
                    .build());
            service.open(admin, activity.id());
            SessionId session = activity.sessions().get(0).id();
            AtomicInteger confirmed = new AtomicInteger();
            AtomicLong lastConfirmation = new AtomicLong();
            long start = System.nanoTime();
            long nanos = race(attempts, threads, i -> {
                try {
                    if (service.register(Actor.applicant("applicant-" + i), session).status()
                            == RegistrationStatus.CONFIRMED) {
                        confirmed.incrementAndGet();
                        lastConfirmation.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                } catch (GcamException e) {
                    if (!e.code().equals("REGISTRATION_FULL")) {
                        throw e;
                    }
                }
            });
            long rows = count(pool, "SELECT COUNT(*) FROM gcam_reg_registration WHERE status = 'CONFIRMED'");
            return new Result(nanos, lastConfirmation.get() - start, confirmed.get(), rows,
                    (int) Math.max(0, rows - seats));
        }
    }

    private static Result baseline(int attempts, int seats, int threads) throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        try (HikariDataSource pool = db.newPool(threads + 2)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE seat (id INT PRIMARY KEY, capacity INT NOT NULL, taken INT NOT NULL)");
                s.execute("CREATE TABLE booking (id CHAR(36) PRIMARY KEY, applicant VARCHAR(255) NOT NULL UNIQUE)");
                s.execute("INSERT INTO seat VALUES (1, " + seats + ", 0)");
            }
            AtomicInteger confirmed = new AtomicInteger();
            AtomicLong lastConfirmation = new AtomicLong();
            long start = System.nanoTime();
            long nanos = race(attempts, threads, i -> {
                try (Connection c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE seat SET taken = taken + 1 WHERE id = 1 AND taken < capacity")) {
                        if (update.executeUpdate() == 1) {
                            try (PreparedStatement insert = c.prepareStatement(
                                    "INSERT INTO booking (id, applicant) VALUES (?, ?)")) {
                                insert.setString(1, UUID.randomUUID().toString());
                                insert.setString(2, "applicant-" + i);
                                insert.executeUpdate();
                            }
                            confirmed.incrementAndGet();
                            lastConfirmation.accumulateAndGet(System.nanoTime(), Math::max);
                        }
                    }
                    c.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long rows = count(pool, "SELECT COUNT(*) FROM booking");
            return new Result(nanos, lastConfirmation.get() - start, confirmed.get(), rows,
                    (int) Math.max(0, rows - seats));
        }
    }

    @FunctionalInterface
    private interface Attempt {
        void run(int index);
    }

    private static long race(int attempts, int threads, Attempt attempt) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(executor.submit(() -> {
                go.await();
                for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
                    attempt.run(i);
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        long nanos = System.nanoTime() - start;
        executor.shutdown();
        return nanos;
    }

    private static long count(HikariDataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
