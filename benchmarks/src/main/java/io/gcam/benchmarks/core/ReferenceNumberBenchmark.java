package io.gcam.benchmarks.core;

import io.gcam.core.ReferenceNumber;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.jdbc.JdbcSequenceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Issuing one reference number, against incrementing a counter row with plain JDBC.
 *
 * <ul>
 *   <li>{@link #gcamNext()}: {@link ReferenceNumberGenerator#next()} with the format
 *       {@code REC-[cy:yyyy]-[SEQ:6]-[CHK]} over {@link JdbcSequenceStore#create} (each number in
 *       its own short transaction): the date parts, the series name, the increment and read-back
 *       of the series row, the rendering and the ISO 7064 check characters.</li>
 *   <li>{@link #baselineIncrement()}: {@code UPDATE ... SET v = v + 1} and {@code SELECT v} on
 *       one counter row, in its own transaction: the least a database-backed counter can do.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReferenceNumberBenchmark {

    private BenchDatabase database;
    private ReferenceNumberGenerator generator;

    /** Opens a fresh database with the core migrations and the baseline counter. */
    @Setup(Level.Trial)
    public void setUp() {
        database = BenchDatabase.open("refno");
        database.execute(
                "CREATE TABLE bench_counter (id INTEGER NOT NULL PRIMARY KEY, v BIGINT NOT NULL)",
                "INSERT INTO bench_counter (id, v) VALUES (1, 0)");
        generator = ReferenceNumberGenerator.builder()
                .name("application")
                .format("REC-[cy:yyyy]-[SEQ:6]-[CHK]")
                .store(JdbcSequenceStore.create(database.dataSource()))
                .build();
    }

    /** Closes the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    /** @return the issued number */
    @Benchmark
    public ReferenceNumber gcamNext() {
        return generator.next();
    }

    /**
     * @return the counter's new value
     * @throws SQLException when the database fails
     */
    @Benchmark
    public long baselineIncrement() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE bench_counter SET v = v + 1 WHERE id = 1")) {
                    update.executeUpdate();
                }
                long value;
                try (PreparedStatement select = connection.prepareStatement("SELECT v FROM bench_counter WHERE id = 1");
                        ResultSet row = select.executeQuery()) {
                    row.next();
                    value = row.getLong(1);
                }
                connection.commit();
                return value;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** @return the generator under test, for the smoke test's checks */
    ReferenceNumberGenerator generator() {
        return generator;
    }
}
