package io.gcam.core.jdbc;

import io.gcam.core.Actor;
import io.gcam.core.AuditActor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.spi.AuditStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@link AuditStore} on a relational database (PostgreSQL or H2), in the tables
 * {@code gcam_audit_entry} and {@code gcam_audit_head} created by
 * {@code Migrations.migrate(dataSource, "core")}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Appends are serialized by a row lock on the single head row, held until the appending
 *       transaction ends, so threads and application instances sharing the database extend one chain.
 *       A unique constraint on the previous hash makes a fork impossible even for writers that
 *       bypass this class.</li>
 *   <li>Inside a transaction of the transaction-aware data source (see {@link LocalTransactions}) the
 *       append joins that transaction: a rollback removes the entry and restores the head. Outside a
 *       transaction the append commits on its own.</li>
 *   <li>On PostgreSQL an append first tries the head this store appended last: one statement moves
 *       the head only if it is still that one, and stores the entry only then. When another instance
 *       or store appended since (or that transaction rolled back), nothing is written and the append
 *       takes the head row's lock and reads the head, as on H2.</li>
 *   <li>Appending transactions must run at READ COMMITTED (the default of PostgreSQL and H2); under
 *       REPEATABLE READ or SERIALIZABLE concurrent appends fail with {@code STORAGE_FAILURE}.</li>
 * </ul>
 *
 * <p>Give it the transaction-aware data source: it gets a connection per operation and closes it.
 * Connections handed out outside a transaction must be in auto-commit mode (the JDBC default).
 */
public final class JdbcAuditStore implements AuditStore {

    private static final String COLUMNS = "seq, actor_id, actor_kind, actor_agency, action, object_type, object_id, "
            + "occurred_at, details, previous_hash, entry_hash";

    private static final String INSERT_ENTRY = "INSERT INTO gcam_audit_entry (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_HEAD = "UPDATE gcam_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1";
    /**
     * PostgreSQL only: advances the head only if it is still the one the entry was built on, and stores
     * the entry only then; one statement, one round trip.
     */
    private static final String APPEND_IF_HEAD = "WITH advanced AS (UPDATE gcam_audit_head SET last_seq = ?,"
            + " last_hash = ? WHERE id = 1 AND last_seq = ? AND last_hash = ? RETURNING last_seq)"
            + " INSERT INTO gcam_audit_entry (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM advanced";

    private final DataSource dataSource;
    /** Whether the database is PostgreSQL; looked up on the first append. */
    private volatile @Nullable Boolean postgres;
    /**
     * The head after this store's last append (committed or not), the guess for the next append on
     * PostgreSQL. A wrong guess (another instance appended since, or that transaction rolled back)
     * costs the locked path; it can never fork the chain, since the head is advanced only from the
     * value guessed.
     */
    private volatile @Nullable AuditHead lastAppended;

    /**
     * @param dataSource the transaction-aware data source whose database has the core migrations
     */
    public JdbcAuditStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public AuditEntry append(Function<AuditHead, AuditEntry> nextEntry) {
        Objects.requireNonNull(nextEntry, "nextEntry");
        try (Connection connection = dataSource.getConnection()) {
            boolean ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            try {
                AuditEntry entry = appendGuessed(connection, nextEntry);
                if (entry == null) {
                    entry = appendLocked(connection, nextEntry);
                }
                lastAppended = new AuditHead(entry.index(), entry.hash());
                if (ownTransaction) {
                    connection.commit();
                }
                return entry;
            } catch (SQLException | RuntimeException | Error e) {
                if (ownTransaction) {
                    rollbackQuietly(connection, e);
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            postgres = known;
        }
        return known;
    }

    /**
     * Binds the entry's columns as the 11 parameters after {@code offset}.
     *
     * @return the index of the next parameter
     */
    private static int bindEntry(PreparedStatement insert, AuditEntry entry, int offset) throws SQLException {
        insert.setLong(offset + 1, entry.index());
        insert.setString(offset + 2, entry.actor().subjectId());
        insert.setString(offset + 3, entry.actor().kind().name());
        insert.setString(offset + 4, entry.actor().agency());
        insert.setString(offset + 5, entry.action());
        insert.setString(offset + 6, entry.objectType());
        insert.setString(offset + 7, entry.objectId());
        insert.setObject(offset + 8, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
        insert.setString(offset + 9, entry.details());
        insert.setString(offset + 10, entry.previousHash());
        insert.setString(offset + 11, entry.hash());
        return offset + 12;
    }

    /**
     * On PostgreSQL, appends after the head this store appended last, if that is still the head: the
     * conditional update takes the head row's lock (waiting for a concurrent appender to finish) and
     * then matches only if nobody moved the head meanwhile.
     *
     * @return the entry, or {@code null} when there is no guess or it was wrong (nothing was written)
     */
    private @Nullable AuditEntry appendGuessed(Connection connection, Function<AuditHead, AuditEntry> nextEntry)
            throws SQLException {
        AuditHead guess = lastAppended;
        if (guess == null || !isPostgres(connection)) {
            return null;
        }
        AuditEntry entry = follow(guess, nextEntry);
        try (PreparedStatement append = connection.prepareStatement(APPEND_IF_HEAD)) {
            append.setLong(1, entry.index());
            append.setString(2, entry.hash());
            append.setLong(3, guess.index());
            append.setString(4, guess.hash());
            bindEntry(append, entry, 4);
            return append.executeUpdate() == 1 ? entry : null;
        }
    }

    private static AuditEntry follow(AuditHead head, Function<AuditHead, AuditEntry> nextEntry) {
        AuditEntry entry = nextEntry.apply(head);
        if (entry.index() != head.index() + 1 || !entry.previousHash().equals(head.hash())) {
            throw new IllegalStateException("audit entry " + entry.index() + " does not follow the head "
                    + head.index());
        }
        return entry;
    }

    private AuditEntry appendLocked(Connection connection, Function<AuditHead, AuditEntry> nextEntry)
            throws SQLException {
        // SELECT ... FOR UPDATE takes the head row's lock, held until this transaction ends, and reads
        // the newest committed head (READ COMMITTED re-reads a row it had to wait for): one round trip.
        AuditHead head;
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM gcam_audit_head WHERE id = 1 FOR UPDATE");
                ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw missingHead();
            }
            head = new AuditHead(row.getLong(1), row.getString(2));
        }
        AuditEntry entry = follow(head, nextEntry);
        boolean postgres = isPostgres(connection);
        // On PostgreSQL the entry and the new head go in one statement (one round trip while the head is
        // locked); elsewhere in two.
        try (PreparedStatement insert = connection.prepareStatement(postgres
                ? "WITH appended AS (" + INSERT_ENTRY + ") " + UPDATE_HEAD : INSERT_ENTRY)) {
            int next = bindEntry(insert, entry, 0);
            if (postgres) {
                insert.setLong(next, entry.index());
                insert.setString(next + 1, entry.hash());
            }
            insert.executeUpdate();
        }
        if (!postgres) {
            try (PreparedStatement update = connection.prepareStatement(UPDATE_HEAD)) {
                update.setLong(1, entry.index());
                update.setString(2, entry.hash());
                update.executeUpdate();
            }
        }
        return entry;
    }

    @Override
    public AuditHead head() {
        try (Connection connection = dataSource.getConnection()) {
            return readHead(connection);
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public List<AuditEntry> entries(long fromIndex, int limit) {
        return query("SELECT " + COLUMNS + " FROM gcam_audit_entry WHERE seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
                statement -> {
                    statement.setLong(1, fromIndex);
                    statement.setInt(2, limit);
                });
    }

    @Override
    public List<AuditEntry> entriesFor(String objectType, String objectId, long afterIndex, int limit) {
        return query("SELECT " + COLUMNS + " FROM gcam_audit_entry WHERE object_type = ? AND object_id = ? AND seq > ?"
                + " ORDER BY seq FETCH FIRST ? ROWS ONLY",
                statement -> {
                    statement.setString(1, objectType);
                    statement.setString(2, objectId);
                    statement.setLong(3, afterIndex);
                    statement.setInt(4, limit);
                });
    }

    private List<AuditEntry> query(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<AuditEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(entry(rows));
                }
                return entries;
            }
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private static AuditEntry entry(ResultSet rows) throws SQLException {
        long index = rows.getLong("seq");
        String kind = rows.getString("actor_kind");
        Actor.Kind actorKind;
        try {
            actorKind = Actor.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("audit entry " + index + " has an unknown actor kind", e);
        }
        return new AuditEntry(
                index,
                new AuditActor(rows.getString("actor_id"), actorKind, rows.getString("actor_agency")),
                rows.getString("action"),
                rows.getString("object_type"),
                rows.getString("object_id"),
                rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rows.getString("details"),
                rows.getString("previous_hash"),
                rows.getString("entry_hash"));
    }

    private static AuditHead readHead(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM gcam_audit_head WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw missingHead();
            }
            return new AuditHead(row.getLong(1), row.getString(2));
        }
    }

    private static GcamException missingHead() {
        return new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                "the audit trail's head row is missing; run Migrations.migrate(dataSource, \"core\")");
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
