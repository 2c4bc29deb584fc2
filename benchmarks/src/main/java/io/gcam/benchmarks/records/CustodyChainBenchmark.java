package io.gcam.benchmarks.records;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.AuditVerification;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.records.Classification;
import io.gcam.records.ManagedRecord;
import io.gcam.records.NewRecord;
import io.gcam.records.RecordId;
import io.gcam.records.RecordsService;
import io.gcam.records.jdbc.JdbcRecordStore;
import io.gcam.records.spi.ContentInfo;
import io.gcam.records.spi.ContentStore;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A record's chain of custody: appending events and verifying the chain, against a bare JDBC
 * baseline.
 *
 * <ul>
 *   <li>{@link #gcamAppend()}: {@link RecordsService#find}, which checks the reader's clearance and
 *       appends a {@code record.viewed} event in its own transaction: the record row lock, the head
 *       read, canonical JSON, SHA-256 over the previous hash and the canonical event, the insert and
 *       the head update, then commit.</li>
 *   <li>{@link #baselineInsert()}: one {@code INSERT} of a row with the same columns into a table
 *       without a chain, with fixed hash strings, in its own transaction.</li>
 * </ul>
 * Each iteration appends to a new record, so every iteration starts from an empty chain.
 *
 * <p>{@link #main} runs the scenario once: append 100,000 events to one record, verify the
 * whole chain, and print events per second of both, next to a bare-JDBC baseline of each (plain
 * inserts; plain paged reads of the same rows without hashing):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.gcam.benchmarks.records.CustodyChainBenchmark [events]
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CustodyChainBenchmark {

    static final String AGENCY = "SAFP";
    static final Actor READER = Actor.staff("reader-1", AGENCY);
    private static final Actor OFFICER = Actor.system("benchmark");
    private static final String FIXED_HASH = "f".repeat(64);
    private static final String PLAIN_INSERT = "INSERT INTO bench_plain_custody (record_id, seq, actor_id, actor_kind,"
            + " actor_agency, action, occurred_at, details, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AtomicLong plainSeq = new AtomicLong();
    private final Clock clock = Clock.systemUTC();
    private HikariDataSource pool;
    private RecordsService records;
    private RecordId record;
    private String plainRecord;

    /** Opens a fresh in-memory H2 database with the core and records migrations and the baseline table. */
    @Setup(Level.Trial)
    public void setUp() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:gcam-bench-custody-" + UUID.randomUUID());
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(8);
        config.setMaxLifetime(0);
        config.setPoolName("bench-custody");
        pool = new HikariDataSource(config);
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "records");
        execute("""
                CREATE TABLE bench_plain_custody (
                    record_id     VARCHAR(36)  NOT NULL,
                    seq           BIGINT       NOT NULL,
                    actor_id      VARCHAR(255) NOT NULL,
                    actor_kind    VARCHAR(16)  NOT NULL,
                    actor_agency  VARCHAR(100),
                    action        VARCHAR(100) NOT NULL,
                    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
                    details       TEXT         NOT NULL,
                    previous_hash CHAR(64)     NOT NULL,
                    entry_hash    CHAR(64)     NOT NULL,
                    CONSTRAINT bench_plain_custody_pk PRIMARY KEY (record_id, seq)
                )""");
        LocalTransactions tx = LocalTransactions.over(pool);
        records = RecordsService.builder()
                .store(JdbcRecordStore.create(tx.dataSource()))
                .contents(new NoContent())
                .references(ReferenceNumberGenerator.builder().name("bench-record").format("RM-[SEQ:8]")
                        .store(JdbcSequenceStore.create(pool)).clock(clock).build())
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                .events(event -> { })
                .transactions(tx)
                .clock(clock)
                .build();
        records.defineClassification(OFFICER, new Classification(AGENCY, "BENCH", LocalizedText.english("Benchmark"),
                null, null));
    }

    /** Starts both sides on a new, empty chain. */
    @Setup(Level.Iteration)
    public void newRecord() {
        ManagedRecord r = records.register(OFFICER, NewRecord.builder(LocalizedText.english("Benchmarked file"), "BENCH")
                .agency(AGENCY).department("HR").build());
        record = r.id();
        plainRecord = UUID.randomUUID().toString();
        plainSeq.set(0);
    }

    /** Closes the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    /** @return the record, after its view was appended to its chain */
    @Benchmark
    public ManagedRecord gcamAppend() {
        return records.find(READER, record);
    }

    /**
     * @return the number of inserted rows (1)
     * @throws SQLException when the database fails
     */
    @Benchmark
    public int baselineInsert() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(PLAIN_INSERT)) {
                insert.setString(1, plainRecord);
                insert.setLong(2, plainSeq.incrementAndGet());
                insert.setString(3, READER.subjectId());
                insert.setString(4, READER.kind().name());
                insert.setString(5, READER.agency());
                insert.setString(6, "record.viewed");
                insert.setObject(7, OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS),
                        ZoneOffset.UTC));
                insert.setString(8, "{}");
                insert.setString(9, FIXED_HASH);
                insert.setString(10, FIXED_HASH);
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

    /** @return the verification of the current record's chain */
    AuditVerification verify() {
        return records.verifyCustody(READER, record);
    }

    /**
     * Reads the baseline rows of the current iteration in pages of 1,000, as verification must at least.
     *
     * @return how many rows were read
     * @throws SQLException when the database fails
     */
    long baselineRead() throws SQLException {
        long read = 0;
        long after = 0;
        try (Connection connection = pool.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT record_id, seq, actor_id, actor_kind,"
                        + " actor_agency, action, occurred_at, details, previous_hash, entry_hash FROM bench_plain_custody"
                        + " WHERE record_id = ? AND seq > ? ORDER BY seq FETCH FIRST 1000 ROWS ONLY")) {
            while (true) {
                select.setString(1, plainRecord);
                select.setLong(2, after);
                int page = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getLong(2);
                        rows.getObject(7, OffsetDateTime.class);
                        rows.getString(10);
                        page++;
                    }
                }
                read += page;
                if (page < 1000) {
                    return read;
                }
            }
        }
    }

    private void execute(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("benchmark set-up failed: " + e.getMessage(), e);
        }
    }

    /**
     * Appends {@code events} custody events to one record, verifies the chain, and does the same
     * number of plain inserts and reads; prints events per second of each and the ratios.
     *
     * @param args optional number of events (default 100,000)
     * @throws SQLException when the database fails
     */
    public static void main(String[] args) throws SQLException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.print(run(events));
    }

    /**
     * @param events how many events to append
     * @return the printed table
     * @throws SQLException when the database fails
     */
    static String run(int events) throws SQLException {
        CustodyChainBenchmark b = new CustodyChainBenchmark();
        b.setUp();
        try {
            b.newRecord();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                b.gcamAppend();
            }
            double appendSeconds = seconds(start);
            start = System.nanoTime();
            AuditVerification verification = b.verify();
            double verifySeconds = seconds(start);
            if (!verification.ok() || verification.entriesChecked() != events + 1L) {
                throw new IllegalStateException("the chain did not verify: " + verification);
            }
            start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                b.baselineInsert();
            }
            double insertSeconds = seconds(start);
            start = System.nanoTime();
            long read = b.baselineRead();
            double readSeconds = seconds(start);
            if (read != events) {
                throw new IllegalStateException("baseline read " + read + " rows, expected " + events);
            }
            double append = events / appendSeconds;
            double verify = (events + 1) / verifySeconds;
            double insert = events / insertSeconds;
            double plainRead = events / readSeconds;
            return String.format(Locale.ROOT, "%-34s %14s %16s %14s%n", "custody chain, " + events + " events (H2)",
                    "GCAM events/s", "baseline events/s", "GCAM/baseline")
                    + String.format(Locale.ROOT, "%-34s %,14.0f %,16.0f %14.2f%n", "append (view, own tx)", append,
                            insert, append / insert)
                    + String.format(Locale.ROOT, "%-34s %,14.0f %,16.0f %14.2f%n", "verify whole chain", verify,
                            plainRead, verify / plainRead);
        } finally {
            b.tearDown();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Record versions are not benchmarked: no content. */
    private static final class NoContent implements ContentStore {
        @Override
        public Optional<ContentInfo> describe(String contentId) {
            return Optional.empty();
        }

        @Override
        public InputStream open(String contentId) {
            throw new NotFoundException("content", contentId);
        }

        @Override
        public void delete(String contentId) {
        }
    }
}
