package io.gcam.workflow.jdbc;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.workflow.spi.InquiryLimitStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The {@link InquiryLimitStore} on PostgreSQL or H2, in table {@code gcam_wf_inquiry_limit} of
 * migration {@code db/gcam/workflow} (run {@code Migrations.migrate(dataSource, "workflow")}).
 * Every application instance that uses the same database shares the same counts, so the limit
 * holds for the whole deployment, not per instance.
 *
 * <p>An attempt is granted by one conditional statement: {@code UPDATE ... SET attempts =
 * attempts + 1 WHERE limit_key = ? AND window_start > ? AND attempts < ?}, or, when the window
 * has ended, {@code UPDATE ... SET attempts = 1, window_start = ? WHERE ... window_start <= ?}, or
 * the {@code INSERT} of a key's first window (a concurrent duplicate insert is retried as an
 * update). Under {@code READ COMMITTED} a concurrent update waits for the row lock and re-checks
 * its condition, so no more than the limit is ever granted. Give it a plain (not
 * transaction-bound) data source, or call it outside transactions: a counted attempt must stay
 * counted when the caller's transaction rolls back.
 */
public final class JdbcInquiryLimitStore implements InquiryLimitStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_KEY_LENGTH = 64;
    private static final int ROUNDS = 5;

    private final DataSource dataSource;

    private JdbcInquiryLimitStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param dataSource a data source on a database migrated with
     *     {@code Migrations.migrate(dataSource, "workflow")}
     * @return the store
     */
    public static JdbcInquiryLimitStore create(DataSource dataSource) {
        return new JdbcInquiryLimitStore(dataSource);
    }

    @Override
    public boolean tryAcquire(String key, int limit, Instant now, Duration window) {
        checkKey(key);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        Instant cutoff = now.minus(window);
        try (Connection c = dataSource.getConnection()) {
            for (int round = 0; round < ROUNDS; round++) {
                if (update(c, "UPDATE gcam_wf_inquiry_limit SET attempts = attempts + 1"
                        + " WHERE limit_key = ? AND window_start > ? AND attempts < ?", key, cutoff, limit) == 1) {
                    return true;
                }
                if (update(c, "UPDATE gcam_wf_inquiry_limit SET attempts = 1, window_start = ?"
                        + " WHERE limit_key = ? AND window_start <= ?", now, key, cutoff) == 1) {
                    return true;
                }
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT window_start, attempts FROM gcam_wf_inquiry_limit WHERE limit_key = ?")) {
                    s.setString(1, key);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            Instant start = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                            if (start.isAfter(cutoff) && rs.getInt(2) >= limit) {
                                return false;
                            }
                            continue; // changed since the updates looked: look again
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO gcam_wf_inquiry_limit (limit_key, window_start, attempts) VALUES (?, ?, 1)")) {
                    s.setString(1, key);
                    s.setObject(2, now.atOffset(ZoneOffset.UTC));
                    s.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    // another instance opened the window first: count on its row
                }
            }
            return false; // the key is changing too fast to tell: refuse, which is the safe side
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public void release(String key) {
        checkKey(key);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE gcam_wf_inquiry_limit SET attempts = attempts - 1 WHERE limit_key = ? AND attempts > 0")) {
            s.setString(1, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public int purgeStartedBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM gcam_wf_inquiry_limit WHERE window_start < ?")) {
            s.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                s.setObject(i + 1, p instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : p);
            }
            return s.executeUpdate();
        }
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("keys are 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }
}
