package io.gcam.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many requests with the same idempotency key race through two application instances (two independent
 * pools) on one PostgreSQL database. The side effect of the operation is a row; counting the rows
 * proves how often the operation ran.
 */
class IdempotencyRacePostgresTest {

    private static final int THREADS = 16;
    private static final int KEYS = 15;
    private static final Actor APPLICANT = Actor.applicant("applicant-1");

    private HikariDataSource poolA;
    private HikariDataSource poolB;

    @BeforeEach
    void startTwoInstances() throws SQLException {
        TestDatabase database = TestDatabases.postgres();
        poolA = database.newPool(THREADS / 2 + 1);
        poolB = database.newPool(THREADS / 2 + 1);
        Migrations.migrate(poolA, "core");
        try (Connection c = poolA.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE side_effect (id SERIAL PRIMARY KEY, idem_key VARCHAR(50) NOT NULL)");
        }
    }

    @AfterEach
    void stopInstances() {
        poolA.close();
        poolB.close();
    }

    @Test
    void runsTheOperationExactlyOncePerKeyOthersGetTheResultOrInFlight() throws Exception {
        IdempotentExecutor a = executor(poolA);
        IdempotentExecutor b = executor(poolB);

        for (int k = 0; k < KEYS; k++) {
            String key = "key-" + k;
            List<String> answers = race(t -> {
                IdempotentExecutor executor = t % 2 == 0 ? a : b;
                try {
                    return executor.execute(APPLICANT, key, "POST /registrations", () -> sideEffect(t % 2 == 0 ? poolA : poolB, key));
                } catch (GcamException e) {
                    return e.code();
                }
            });

            String result = "REG-" + key;
            assertThat(answers).as("answers for %s", key)
                    .allSatisfy(answer -> assertThat(answer).isIn(result, "IDEMPOTENCY_IN_FLIGHT"))
                    .contains(result);
            assertThat(a.execute(APPLICANT, key, "POST /registrations", () -> "ran again")).isEqualTo(result);
        }

        assertThat(count("SELECT COUNT(*) FROM side_effect")).isEqualTo(KEYS);
        assertThat(count("SELECT COUNT(*) FROM (SELECT idem_key FROM side_effect GROUP BY idem_key"
                + " HAVING COUNT(*) > 1) duplicates")).isZero();
        assertThat(count("SELECT COUNT(*) FROM gcam_idempotency_key WHERE status = 'COMPLETED'")).isEqualTo(KEYS);
    }

    @Test
    void insideTransactionsRepeatsWaitForTheFirstAndGetItsResult() throws Exception {
        LocalTransactions txA = LocalTransactions.over(poolA);
        LocalTransactions txB = LocalTransactions.over(poolB);
        IdempotentExecutor a = executor(txA.dataSource());
        IdempotentExecutor b = executor(txB.dataSource());

        for (int k = 0; k < KEYS; k++) {
            String key = "key-" + k;
            List<String> answers = race(t -> {
                LocalTransactions tx = t % 2 == 0 ? txA : txB;
                IdempotentExecutor executor = t % 2 == 0 ? a : b;
                try {
                    return tx.inTransaction(() -> executor.execute(APPLICANT, key, "POST /registrations",
                            () -> sideEffect(tx.dataSource(), key)));
                } catch (GcamException e) {
                    return e.code();
                }
            });

            assertThat(answers).as("answers for %s", key).containsOnly("REG-" + key);
        }

        assertThat(count("SELECT COUNT(*) FROM side_effect")).isEqualTo(KEYS);
        assertThat(count("SELECT COUNT(*) FROM gcam_idempotency_key WHERE status = 'COMPLETED'")).isEqualTo(KEYS);
    }

    private static IdempotentExecutor executor(DataSource dataSource) {
        return IdempotentExecutor.builder()
                .store(new JdbcIdempotencyStore(dataSource))
                .clock(Clock.systemUTC())
                .build();
    }

    private static List<String> race(Function<Integer, String> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return request.apply(thread);
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                answers.add(outcome.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The operation: a row, then a short pause (as real work takes time) that widens the race window. */
    private static String sideEffect(DataSource dataSource, String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO side_effect (idem_key) VALUES (?)");
                Statement pause = c.createStatement()) {
            s.setString(1, key);
            s.executeUpdate();
            pause.execute("SELECT pg_sleep(0.02)");
            return "REG-" + key;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = poolA.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
