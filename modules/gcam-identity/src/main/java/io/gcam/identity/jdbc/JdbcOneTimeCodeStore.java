package io.gcam.identity.jdbc;

import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.identity.spi.OneTimeCodeStore;
import io.gcam.identity.spi.StoredCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link OneTimeCodeStore} on the table {@code gcam_identity_code} (migration {@code identity}).
 * The attempt limit and single use are enforced by conditional {@code UPDATE}s, and resend
 * throttling by a conditional {@code UPDATE} or primary-key-guarded {@code INSERT} on
 * {@code gcam_identity_code_throttle}, so they hold across any number of application instances
 * sharing the database.
 */
public final class JdbcOneTimeCodeStore implements OneTimeCodeStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    private JdbcOneTimeCodeStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param dataSource the database, migrated with {@code Migrations.migrate(dataSource, "identity")};
     *     a transaction-aware data source makes the store join the caller's transaction
     * @return the store
     */
    public static JdbcOneTimeCodeStore create(DataSource dataSource) {
        return new JdbcOneTimeCodeStore(dataSource);
    }

    @Override
    public void insert(StoredCode code) {
        String sql = "INSERT INTO gcam_identity_code (challenge_id, subject_id, channel, destination_key, code_hash,"
                + " created_at, expires_at, attempts, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code.challengeId());
            ps.setString(2, code.subjectId());
            ps.setString(3, code.channel());
            ps.setString(4, code.destinationKey());
            ps.setString(5, code.codeHash());
            ps.setTimestamp(6, Timestamp.from(code.createdAt()));
            ps.setTimestamp(7, Timestamp.from(code.expiresAt()));
            ps.setInt(8, code.attempts());
            Instant usedAt = code.usedAt();
            ps.setTimestamp(9, usedAt == null ? null : Timestamp.from(usedAt));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConflictException("one-time code " + code.challengeId());
            }
            throw failure(e);
        }
    }

    @Override
    public Optional<StoredCode> find(String challengeId) {
        String sql = "SELECT challenge_id, subject_id, channel, destination_key, code_hash, created_at, expires_at,"
                + " attempts, used_at FROM gcam_identity_code WHERE challenge_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, challengeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp used = rs.getTimestamp(9);
                return Optional.of(new StoredCode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getInt(8),
                        used == null ? null : used.toInstant()));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean tryTakeAttempt(String challengeId, int maxAttempts, Instant now) {
        String sql = "UPDATE gcam_identity_code SET attempts = attempts + 1"
                + " WHERE challenge_id = ? AND attempts < ? AND used_at IS NULL AND expires_at > ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, challengeId);
            ps.setInt(2, maxAttempts);
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean markUsed(String challengeId, Instant now) {
        String sql = "UPDATE gcam_identity_code SET used_at = ? WHERE challenge_id = ? AND used_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, challengeId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean tryRecordIssue(String destinationKey, Instant now, Duration resendInterval) {
        Objects.requireNonNull(destinationKey, "destinationKey");
        Objects.requireNonNull(now, "now");
        if (resendInterval.isNegative()) {
            throw new IllegalArgumentException("resendInterval must not be negative");
        }
        // A conditional UPDATE takes the row lock: a concurrent issuer waits, then re-evaluates the
        // condition against the committed time and updates nothing. The first issue to a destination
        // is an INSERT guarded by the primary key: the losing insert fails and is undone.
        String update = "UPDATE gcam_identity_code_throttle SET last_issued_at = ?"
                + " WHERE destination_key = ? AND last_issued_at <= ?";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(update)) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, destinationKey);
                ps.setTimestamp(3, Timestamp.from(now.minus(resendInterval)));
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO gcam_identity_code_throttle (destination_key, last_issued_at) VALUES (?, ?)")) {
                ps.setString(1, destinationKey);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                if (savepoint != null) {
                    c.rollback(savepoint);
                }
                return false; // the destination has a record within the interval (or a racing issuer won)
            }
            if (savepoint != null) {
                c.releaseSavepoint(savepoint);
            }
            return true;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<Instant> lastIssuedAt(String destinationKey) {
        String sql = "SELECT MAX(created_at) FROM gcam_identity_code WHERE destination_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, destinationKey);
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp last = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(last).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public int purgeExpired(Instant before) {
        String sql = "DELETE FROM gcam_identity_code WHERE expires_at < ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static GcamException failure(SQLException e) {
        return new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
    }
}
