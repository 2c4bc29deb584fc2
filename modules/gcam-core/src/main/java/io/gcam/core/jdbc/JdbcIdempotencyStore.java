package io.gcam.core.jdbc;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.spi.IdempotencyRecord;
import io.gcam.core.spi.IdempotencyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link IdempotencyStore} on a relational database (PostgreSQL or H2), in the table
 * {@code gcam_idempotency_key} created by {@code Migrations.migrate(dataSource, "core")}.
 *
 * <p>Concurrent first requests with one key race on the table's primary key
 * {@code (actor_scope, idem_key)}: exactly one insert wins, on one database or across application
 * instances. Taking over an expired or timed-out record is a conditional update, so only one of
 * several racing requests gets it.
 *
 * <p>Give it the transaction-aware data source (see {@link LocalTransactions}). Inside a transaction
 * every operation joins it (a lost insert race is undone with a savepoint, so the caller's transaction
 * stays usable); outside, each statement commits on its own. Connections handed out outside a
 * transaction must be in auto-commit mode (the JDBC default).
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcIdempotencyStore.class);

    /** How often a claim retries when the record it lost to disappears before it can be read. */
    private static final int CLAIM_ATTEMPTS = 3;

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    /**
     * @param dataSource the transaction-aware data source whose database has the core migrations
     */
    public JdbcIdempotencyStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord candidate, Instant now) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(now, "now");
        try (Connection connection = dataSource.getConnection()) {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                if (tryInsert(connection, candidate)) {
                    return Optional.empty();
                }
                if (tryTakeOver(connection, candidate, now)) {
                    LOG.info("idempotency key taken over: its previous execution expired or exceeded its lock timeout");
                    return Optional.empty();
                }
                Optional<IdempotencyRecord> existing = find(connection, candidate.scope(), candidate.key());
                if (existing.isPresent()) {
                    return existing;
                }
                // released between our insert and our read: try again
            }
            throw new GcamException(CoreErrorCode.IDEMPOTENCY_IN_FLIGHT);
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private static boolean tryInsert(Connection connection, IdempotencyRecord record) throws SQLException {
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO gcam_idempotency_key (actor_scope, idem_key, fingerprint, status, result, owner_token,"
                        + " created_at, locked_until, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.scope());
            insert.setString(2, record.key());
            insert.setString(3, record.fingerprint());
            insert.setString(4, record.status().name());
            insert.setString(5, record.result());
            insert.setString(6, record.owner());
            insert.setObject(7, timestamp(record.createdAt()));
            insert.setObject(8, timestamp(record.lockedUntil()));
            insert.setObject(9, timestamp(record.expiresAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            return false;
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        return true;
    }

    private static boolean tryTakeOver(Connection connection, IdempotencyRecord record, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE gcam_idempotency_key SET fingerprint = ?, status = ?, result = ?, owner_token = ?,"
                        + " created_at = ?, locked_until = ?, expires_at = ?"
                        + " WHERE actor_scope = ? AND idem_key = ?"
                        + " AND (expires_at <= ? OR (status = 'IN_FLIGHT' AND locked_until <= ?))")) {
            update.setString(1, record.fingerprint());
            update.setString(2, record.status().name());
            update.setString(3, record.result());
            update.setString(4, record.owner());
            update.setObject(5, timestamp(record.createdAt()));
            update.setObject(6, timestamp(record.lockedUntil()));
            update.setObject(7, timestamp(record.expiresAt()));
            update.setString(8, record.scope());
            update.setString(9, record.key());
            update.setObject(10, timestamp(now));
            update.setObject(11, timestamp(now));
            return update.executeUpdate() == 1;
        }
    }

    @Override
    public boolean complete(String scope, String key, String owner, @Nullable String result) {
        return update("UPDATE gcam_idempotency_key SET status = 'COMPLETED', result = ?"
                + " WHERE actor_scope = ? AND idem_key = ? AND owner_token = ? AND status = 'IN_FLIGHT'",
                result, scope, key, owner) == 1;
    }

    @Override
    public boolean release(String scope, String key, String owner) {
        return update("DELETE FROM gcam_idempotency_key"
                + " WHERE actor_scope = ? AND idem_key = ? AND owner_token = ? AND status = 'IN_FLIGHT'",
                scope, key, owner) == 1;
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, scope, key);
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public int purgeExpired(Instant now) {
        return update("DELETE FROM gcam_idempotency_key WHERE expires_at <= ?", timestamp(now));
    }

    private static Optional<IdempotencyRecord> find(Connection connection, String scope, String key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT fingerprint, status, result, owner_token, created_at, locked_until, expires_at"
                        + " FROM gcam_idempotency_key WHERE actor_scope = ? AND idem_key = ?")) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IdempotencyRecord(
                        scope,
                        key,
                        row.getString("fingerprint"),
                        IdempotencyRecord.Status.valueOf(row.getString("status")),
                        row.getString("result"),
                        row.getString("owner_token"),
                        instant(row, "created_at"),
                        instant(row, "locked_until"),
                        instant(row, "expires_at")));
            }
        }
    }

    private int update(String sql, @Nullable Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter == null || parameter instanceof String) {
                    statement.setString(i + 1, (String) parameter);
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
