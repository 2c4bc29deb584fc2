package io.gcam.benchmarks.core;

import io.gcam.core.Actor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.AuditTrail;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appending one audit entry in its own transaction, against storing the same row with a plain
 * JDBC {@code INSERT}.
 *
 * <ul>
 *   <li>{@link #gcamAppend()}: {@link AuditTrail#append} over {@link JdbcAuditStore}, inside
 *       {@link LocalTransactions#inTransaction}: input checks, canonical JSON of the details, the
 *       head row lock, SHA-256 over the previous hash and the canonical entry, the insert and the
 *       head update, then commit.</li>
 *   <li>{@link #baselineInsert()}: one {@code INSERT} of a row with the same columns (and the same
 *       index) into a table without a chain, with pre-rendered details and fixed hash strings, in
 *       its own transaction: what storing the entry costs without the chain.</li>
 * </ul>
 * Both tables are emptied before every iteration, so each iteration starts from the same size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditAppendBenchmark {

    private static final Actor REVIEWER = Actor.staff("reviewer1", "SAFP", "REVIEWER");
    private static final Map<String, Object> DETAILS = Map.of("level", 2, "decision", "approved");
    private static final String DETAILS_JSON = "{\"decision\":\"approved\",\"level\":2}";
    private static final String FIXED_HASH = "f".repeat(64);
    private static final String PLAIN_INSERT = "INSERT INTO bench_plain_audit (seq, actor_id, actor_kind, actor_agency,"
            + " action, object_type, object_id, occurred_at, details, previous_hash, entry_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AtomicLong plainSeq = new AtomicLong();
    private final Clock clock = Clock.systemUTC();
    private BenchDatabase database;
    private LocalTransactions transactions;
    private AuditTrail audit;

    /** Opens a fresh database with the core migrations and the baseline table. */
    @Setup(Level.Trial)
    public void setUp() {
        database = BenchDatabase.open("audit");
        database.execute("""
                CREATE TABLE bench_plain_audit (
                    seq           BIGINT                   NOT NULL PRIMARY KEY,
                    actor_id      VARCHAR(255)             NOT NULL,
                    actor_kind    VARCHAR(16)              NOT NULL,
                    actor_agency  VARCHAR(100),
                    action        VARCHAR(100)             NOT NULL,
                    object_type   VARCHAR(100)             NOT NULL,
                    object_id     VARCHAR(255)             NOT NULL,
                    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
                    details       TEXT                     NOT NULL,
                    previous_hash VARCHAR(64)              NOT NULL,
                    entry_hash    VARCHAR(64)              NOT NULL
                )""",
                "CREATE INDEX bench_plain_audit_object_ix ON bench_plain_audit (object_type, object_id, seq)");
        transactions = LocalTransactions.over(database.dataSource());
        audit = AuditTrail.builder()
                .store(new JdbcAuditStore(transactions.dataSource()))
                .clock(clock)
                .build();
    }

    /** Empties the trail and the baseline table, so that every iteration starts equal. */
    @Setup(Level.Iteration)
    public void emptyTables() {
        database.execute(
                "DELETE FROM gcam_audit_entry",
                "UPDATE gcam_audit_head SET last_seq = 0, last_hash = '" + AuditHead.GENESIS_HASH + "' WHERE id = 1",
                "DELETE FROM bench_plain_audit");
        plainSeq.set(0);
    }

    /** Closes the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    /** @return the appended entry */
    @Benchmark
    public AuditEntry gcamAppend() {
        return transactions.inTransaction(
                () -> audit.append(REVIEWER, "application.approved", "application", "APP-000042", DETAILS));
    }

    /**
     * @return the number of inserted rows (1)
     * @throws SQLException when the database fails
     */
    @Benchmark
    public int baselineInsert() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(PLAIN_INSERT)) {
                insert.setLong(1, plainSeq.incrementAndGet());
                insert.setString(2, REVIEWER.subjectId());
                insert.setString(3, REVIEWER.kind().name());
                insert.setString(4, REVIEWER.agency());
                insert.setString(5, "application.approved");
                insert.setString(6, "application");
                insert.setString(7, "APP-000042");
                insert.setObject(8, OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS),
                        ZoneOffset.UTC));
                insert.setString(9, DETAILS_JSON);
                insert.setString(10, FIXED_HASH);
                insert.setString(11, FIXED_HASH);
                int rows = insert.executeUpdate();
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** @return the trail under test, for the smoke test's checks */
    AuditTrail audit() {
        return audit;
    }
}
