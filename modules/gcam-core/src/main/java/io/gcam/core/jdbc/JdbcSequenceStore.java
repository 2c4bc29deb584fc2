package io.gcam.core.jdbc;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.spi.SequenceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SequenceStore} on the table {@code gcam_sequence} (migration {@code core}, see
 * {@link Migrations}): one row per series holding the last number taken. Portable SQL, tested on
 * PostgreSQL and H2; many application instances may share one database.
 *
 * <h2>Which transaction a number is taken in</h2>
 * Taking a number locks the series' row until the transaction that took it ends. There are two
 * ways to use the store, chosen by the factory method:
 *
 * <ul>
 *   <li>{@link #create(DataSource)}, the recommended default, given the <em>plain</em> pooled data
 *       source: every number is taken in its own short transaction, committed before
 *       {@link #next(String)} returns. The row lock is held for a few milliseconds, so many requests
 *       can take numbers at once. If the caller's own transaction then rolls back, that number is
 *       simply never used: numbering has a gap, and no number is ever handed out twice. Each call
 *       borrows a second connection from the pool while the caller may hold one in its own
 *       transaction: size the pool for that (or give the store a small pool of its own).</li>
 *   <li>{@link #joining(DataSource)}, given a transaction-aware data source (such as
 *       {@link LocalTransactions#dataSource()}): inside a caller's transaction the number is taken in
 *       that transaction. A rollback takes the number back, so committed numbers have no gaps, but
 *       the series' row stays locked until the caller commits: every other caller wanting a number
 *       from the same series waits for that whole transaction, which limits throughput to one
 *       transaction at a time per series (and two transactions taking numbers from two series in
 *       opposite orders can deadlock). Outside a transaction it behaves like {@code create}. Use it
 *       only where gapless numbering is required, with short transactions; it needs the
 *       {@code READ COMMITTED} isolation level (the default of PostgreSQL and H2).</li>
 *   <li>{@link #reserving(DataSource, int)}, given the plain pooled data source like {@code create}:
 *       it reserves a block of numbers in one short transaction and hands them out from memory, so
 *       only one call in a block touches the database. For series taken at high rates (candidate
 *       numbers when an examination opens, references of a busy e-service). It trades two properties
 *       for that: numbers reserved but not handed out when the process stops are never used (a gap
 *       of up to a block per stop), and several instances sharing the database each hand out their
 *       own blocks, so numbers increase within one instance but instance B's number may be lower
 *       than one instance A gave out a moment earlier. They stay unique everywhere. See decision
 *       0007 in the documentation.</li>
 * </ul>
 *
 * <p>The data source must hand out connections in auto-commit mode outside transactions (the
 * default of HikariCP and of application-server pools): a connection with auto-commit off counts
 * as "inside the caller's transaction". {@link #create(DataSource)} refuses such a connection with
 * {@code CONFIGURATION_INVALID} rather than risk committing, or losing, someone else's work.
 *
 * <p>The first number of a new series inserts its row; when two instances start the same series at
 * once, the loser of the race sees the unique key violation, undoes only its own insert (a
 * savepoint when joining) and increments the winner's row instead.
 */
public final class JdbcSequenceStore implements SequenceStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSequenceStore.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String INCREMENT = "UPDATE gcam_sequence SET last_value = last_value + 1 WHERE series = ?";
    private static final String READ = "SELECT last_value FROM gcam_sequence WHERE series = ?";
    private static final String START = "INSERT INTO gcam_sequence (series, last_value) VALUES (?, ?)";
    private static final String RESERVE = "UPDATE gcam_sequence SET last_value = last_value + ? WHERE series = ?";

    /** The largest block {@link #reserving(DataSource, int)} accepts. */
    public static final int MAX_BLOCK_SIZE = 10_000;

    private final DataSource dataSource;
    private final boolean joinTransactions;
    private final int blockSize;
    /** Per series, the numbers reserved and not yet handed out (only when {@code blockSize > 1}). */
    private final ConcurrentMap<String, Block> blocks = new ConcurrentHashMap<>();

    private JdbcSequenceStore(DataSource dataSource, boolean joinTransactions, int blockSize) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.joinTransactions = joinTransactions;
        this.blockSize = blockSize;
    }

    /**
     * A store that takes every number in its own short transaction (see the class description).
     *
     * @param dataSource a plain pooled data source handing out auto-commit connections, on a
     *     database migrated with {@code Migrations.migrate(dataSource, "core")}
     * @return the store
     */
    public static JdbcSequenceStore create(DataSource dataSource) {
        return new JdbcSequenceStore(dataSource, false, 1);
    }

    /**
     * A store that reserves {@code blockSize} numbers at a time in its own short transaction and hands
     * them out from memory (see the class description for the gaps and ordering this implies).
     *
     * @param dataSource a plain pooled data source handing out auto-commit connections, on a
     *     database migrated with {@code Migrations.migrate(dataSource, "core")}
     * @param blockSize how many numbers one database call reserves, 1 to {@link #MAX_BLOCK_SIZE};
     *     1 behaves like {@link #create(DataSource)}
     * @return the store
     * @throws IllegalArgumentException when {@code blockSize} is out of range
     */
    public static JdbcSequenceStore reserving(DataSource dataSource, int blockSize) {
        if (blockSize < 1 || blockSize > MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("blockSize must be between 1 and " + MAX_BLOCK_SIZE + ", got "
                    + blockSize);
        }
        return new JdbcSequenceStore(dataSource, false, blockSize);
    }

    /**
     * A store that takes numbers in the caller's transaction when there is one (see the class
     * description for the locking this implies).
     *
     * @param dataSource a transaction-aware data source, e.g. {@link LocalTransactions#dataSource()}
     * @return the store
     */
    public static JdbcSequenceStore joining(DataSource dataSource) {
        return new JdbcSequenceStore(dataSource, true, 1);
    }

    /**
     * {@inheritDoc}
     *
     * @throws GcamException {@code CONFIGURATION_INVALID} when a store from {@link #create(DataSource)}
     *     is handed a connection that is not in auto-commit mode
     */
    @Override
    public long next(String series) {
        SequenceStore.requireValidSeries(series);
        if (blockSize > 1) {
            return blocks.computeIfAbsent(series, name -> new Block()).next(this, series);
        }
        return take(series, 1);
    }

    /** Takes {@code count} numbers from the database and returns the last of them. */
    private long take(String series, int count) {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.getAutoCommit()) {
                return inOwnTransaction(connection, series, count);
            }
            if (!joinTransactions) {
                throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                        "JdbcSequenceStore.create(...) needs a data source that hands out auto-commit connections,"
                                + " but got one inside a transaction; give it the plain pool, or use"
                                + " JdbcSequenceStore.joining(...) to take numbers in the caller's transaction");
            }
            if (count > 1) {
                throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                        "JdbcSequenceStore.reserving(...) needs a data source that hands out auto-commit connections,"
                                + " but got one inside a transaction; give it the plain pool");
            }
            return inCallersTransaction(connection, series);
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A store from {@link #reserving(DataSource, int)} answers the last number it handed out itself
     * when it has handed out numbers of the series, and otherwise the last number any instance
     * reserved.
     */
    @Override
    public OptionalLong current(String series) {
        SequenceStore.requireValidSeries(series);
        Block block = blocks.get(series);
        if (block != null) {
            OptionalLong last = block.lastHandedOut();
            if (last.isPresent()) {
                return last;
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, series);
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private static long inOwnTransaction(Connection connection, String series, int count) throws SQLException {
        connection.setAutoCommit(false);
        try {
            for (int attempt = 1; ; attempt++) {
                OptionalLong taken = increment(connection, series, count);
                if (taken.isPresent()) {
                    connection.commit();
                    return taken.getAsLong();
                }
                try {
                    start(connection, series, count);
                    connection.commit();
                    return count;
                } catch (SQLException e) {
                    if (!isUniqueViolation(e) || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    // Another instance started the series first; PostgreSQL has aborted this
                    // transaction, which so far holds nothing else.
                    connection.rollback();
                    LOG.debug("sequence series {} was started concurrently; incrementing instead", series);
                }
            }
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.debug("could not restore auto-commit; the pool will reset or discard the connection", e);
            }
        }
    }

    private static long inCallersTransaction(Connection connection, String series) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            OptionalLong taken = increment(connection, series, 1);
            if (taken.isPresent()) {
                return taken.getAsLong();
            }
            // A failed statement aborts a PostgreSQL transaction: guard the insert with a savepoint
            // so that losing the race to start the series leaves the caller's transaction usable.
            Savepoint savepoint = connection.setSavepoint();
            try {
                start(connection, series, 1);
                connection.releaseSavepoint(savepoint);
                return 1;
            } catch (SQLException e) {
                if (!isUniqueViolation(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                connection.rollback(savepoint);
                LOG.debug("sequence series {} was started concurrently; incrementing instead", series);
            }
        }
    }

    private static OptionalLong increment(Connection connection, String series, int count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(count == 1 ? INCREMENT : RESERVE)) {
            if (count == 1) {
                update.setString(1, series);
            } else {
                update.setInt(1, count);
                update.setString(2, series);
            }
            if (update.executeUpdate() == 0) {
                return OptionalLong.empty();
            }
        }
        // The row is now locked by this transaction, so this reads the value it just wrote.
        OptionalLong value = read(connection, series);
        if (value.isEmpty()) {
            throw new SQLException("sequence series " + series + " vanished while it was being incremented");
        }
        return value;
    }

    private static void start(Connection connection, String series, int count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(START)) {
            insert.setString(1, series);
            insert.setLong(2, count);
            insert.executeUpdate();
        }
    }

    private static OptionalLong read(Connection connection, String series) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(READ)) {
            select.setString(1, series);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if (UNIQUE_VIOLATION.equals(current.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The numbers of one series reserved by this store and not yet handed out. Calls on one series
     * take turns; a call that finds the block used up reserves the next one while the others wait,
     * so numbers leave in increasing order.
     */
    private static final class Block {
        private long next = 1;
        private long last;
        private long handedOut;

        synchronized long next(JdbcSequenceStore store, String series) {
            if (next > last) {
                long reservedLast = store.take(series, store.blockSize);
                next = reservedLast - store.blockSize + 1;
                last = reservedLast;
            }
            handedOut = next++;
            return handedOut;
        }

        synchronized OptionalLong lastHandedOut() {
            return handedOut == 0 ? OptionalLong.empty() : OptionalLong.of(handedOut);
        }
    }
}
