package io.gcam.identity.jdbc;

import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.identity.spi.StoredVerification;
import io.gcam.identity.spi.VerificationStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link VerificationStore} on the table {@code gcam_identity_verification} (migration
 * {@code identity}). The attributes column holds only ciphertext.
 */
public final class JdbcVerificationStore implements VerificationStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    private JdbcVerificationStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param dataSource the database, migrated with {@code Migrations.migrate(dataSource, "identity")};
     *     a transaction-aware data source makes the store join the caller's transaction
     * @return the store
     */
    public static JdbcVerificationStore create(DataSource dataSource) {
        return new JdbcVerificationStore(dataSource);
    }

    @Override
    public void add(StoredVerification v) {
        String sql = "INSERT INTO gcam_identity_verification (verification_id, person_id, method, level, verified_at,"
                + " expires_at, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, v.verificationId());
            ps.setString(2, v.personId());
            ps.setString(3, v.method());
            ps.setString(4, v.level());
            ps.setTimestamp(5, Timestamp.from(v.verifiedAt()));
            ps.setTimestamp(6, Timestamp.from(v.expiresAt()));
            ps.setString(7, v.attributesCiphertext());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConflictException("identity verification " + v.verificationId());
            }
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public List<StoredVerification> findByPerson(String personId) {
        String sql = "SELECT verification_id, person_id, method, level, verified_at, expires_at, attributes"
                + " FROM gcam_identity_verification WHERE person_id = ? ORDER BY verified_at, verification_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                List<StoredVerification> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(new StoredVerification(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                            rs.getString(7)));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }
}
