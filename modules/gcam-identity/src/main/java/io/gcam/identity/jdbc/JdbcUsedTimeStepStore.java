package io.gcam.identity.jdbc;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.identity.spi.UsedTimeStepStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link UsedTimeStepStore} on the table {@code gcam_identity_totp_step} (migration
 * {@code identity}): one row per subject with the last accepted step, raised by a conditional
 * {@code UPDATE} or created by an {@code INSERT} whose primary key settles a race.
 */
public final class JdbcUsedTimeStepStore implements UsedTimeStepStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    private JdbcUsedTimeStepStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param dataSource the database, migrated with {@code Migrations.migrate(dataSource, "identity")}
     * @return the store
     */
    public static JdbcUsedTimeStepStore create(DataSource dataSource) {
        return new JdbcUsedTimeStepStore(dataSource);
    }

    @Override
    public boolean markUsed(String subjectId, long step) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE gcam_identity_totp_step SET last_step = ? WHERE subject_id = ? AND last_step < ?")) {
                    ps.setLong(1, step);
                    ps.setString(2, subjectId);
                    ps.setLong(3, step);
                    if (ps.executeUpdate() == 1) {
                        return true;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT 1 FROM gcam_identity_totp_step WHERE subject_id = ?")) {
                    ps.setString(1, subjectId);
                    if (ps.executeQuery().next()) {
                        return false; // a row with this or a later step exists
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO gcam_identity_totp_step (subject_id, last_step) VALUES (?, ?)")) {
                    ps.setString(1, subjectId);
                    ps.setLong(2, step);
                    ps.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    // another instance created the row first: compare against it
                }
            } catch (SQLException e) {
                throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
            }
        }
        throw new GcamException(CoreErrorCode.STORAGE_FAILURE, new SQLException("no progress after 3 attempts"));
    }
}
