package io.gcam.core.jdbc;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.spi.IdempotencyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * TEMPORARY stand-in for gcam-core's JDBC idempotency store (table {@code gcam_idempotency});
 * drop at merge.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

    private final DataSource dataSource;

    /**
     * @param dataSource where table {@code gcam_idempotency} lives (migrations of module {@code core})
     */
    public JdbcIdempotencyStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<Entry> claim(String scope, String key, String fingerprint, Instant now, Instant expiresAt) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM gcam_idempotency WHERE scope = ? AND idem_key = ? AND expires_at <= ?")) {
                delete.setString(1, scope);
                delete.setString(2, key);
                delete.setTimestamp(3, Timestamp.from(now));
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO gcam_idempotency (scope, idem_key, fingerprint, result, expires_at) VALUES (?, ?, ?, NULL, ?)")) {
                insert.setString(1, scope);
                insert.setString(2, key);
                insert.setString(3, fingerprint);
                insert.setTimestamp(4, Timestamp.from(expiresAt));
                insert.executeUpdate();
                return Optional.empty();
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT fingerprint, result, expires_at FROM gcam_idempotency WHERE scope = ? AND idem_key = ?")) {
                select.setString(1, scope);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new GcamException(CoreErrorCode.IDEMPOTENCY_IN_FLIGHT);
                    }
                    return Optional.of(new Entry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public void complete(String scope, String key, String result) {
        update("UPDATE gcam_idempotency SET result = ? WHERE scope = ? AND idem_key = ?", result, scope, key);
    }

    @Override
    public void release(String scope, String key) {
        update("DELETE FROM gcam_idempotency WHERE scope = ? AND idem_key = ?", scope, key);
    }

    private void update(String sql, String... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }
}
