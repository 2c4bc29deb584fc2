package io.gcam.catalog.jdbc;

import io.gcam.catalog.CaseRecord;
import io.gcam.catalog.CatalogErrorCode;
import io.gcam.catalog.CatalogException;
import io.gcam.catalog.Filing;
import io.gcam.catalog.ServiceEntry;
import io.gcam.catalog.ServiceStatus;
import io.gcam.catalog.internal.CatalogJson;
import io.gcam.catalog.spi.CatalogStore;
import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC {@link CatalogStore} for PostgreSQL and H2. Create the tables with
 * {@code Migrations.migrate(dataSource, "catalog")}.
 *
 * <p>Each version is one row keyed by (code, version), so the database refuses a second insert of
 * the same pair; updates are {@code UPDATE ... WHERE revision = ?}. Every entry change also
 * increments a single counter row in the same transaction (writes to the catalogue are therefore
 * serialized, which suits a catalogue edited by people, not machines). Service definitions are
 * stored as JSON in the catalogue's import/export format.
 *
 * <p>Give it a transaction-aware data source (e.g. {@code LocalTransactions.dataSource()}): each
 * operation gets a connection and closes it, joining the caller's transaction. Thread-safe.
 */
public final class JdbcCatalogStore implements CatalogStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERVICE_COLUMNS =
            "code, version, agency, status, effective_from, revision, definition, created_at, updated_at";

    private final DataSource dataSource;

    /**
     * @param dataSource a transaction-aware data source on a database migrated with
     *     {@code Migrations.migrate(dataSource, "catalog")}
     */
    public JdbcCatalogStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void insert(ServiceEntry entry) {
        Objects.requireNonNull(entry, "entry");
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO gcam_cat_service (" + SERVICE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, entry.code());
                s.setInt(2, entry.version());
                s.setString(3, entry.agency());
                s.setString(4, entry.status().name());
                setDate(s, 5, entry.effectiveFrom());
                s.setLong(6, entry.revision());
                s.setString(7, CatalogJson.write(entry.definition()));
                setInstant(s, 8, entry.createdAt());
                setInstant(s, 9, entry.updatedAt());
                s.executeUpdate();
            }
            countChange(c);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                if (entry.version() == 1) {
                    throw new CatalogException(CatalogErrorCode.SERVICE_CODE_TAKEN, entry.code());
                }
                throw new ConflictException("catalogue service " + entry.code());
            }
            throw failure(e);
        }
    }

    @Override
    public boolean update(ServiceEntry entry, long expectedRevision) {
        Objects.requireNonNull(entry, "entry");
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE gcam_cat_service SET status = ?, effective_from = ?,"
                    + " revision = ?, definition = ?, updated_at = ? WHERE code = ? AND version = ? AND revision = ?"
                    + " AND agency = ?")) {
                s.setString(1, entry.status().name());
                setDate(s, 2, entry.effectiveFrom());
                s.setLong(3, entry.revision());
                s.setString(4, CatalogJson.write(entry.definition()));
                setInstant(s, 5, entry.updatedAt());
                s.setString(6, entry.code());
                s.setInt(7, entry.version());
                s.setLong(8, expectedRevision);
                s.setString(9, entry.agency());
                updated = s.executeUpdate();
            }
            if (updated == 1) {
                countChange(c);
            }
            return updated == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<ServiceEntry> find(String code, int version) {
        List<ServiceEntry> found = queryServices("WHERE code = ? AND version = ?", code, version);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<ServiceEntry> versions(String code) {
        return queryServices("WHERE code = ? ORDER BY version", code);
    }

    @Override
    public List<ServiceEntry> entries(@Nullable String agency) {
        return agency == null ? queryServices("ORDER BY code, version")
                : queryServices("WHERE agency = ? ORDER BY code, version", agency);
    }

    @Override
    public List<ServiceEntry> published() {
        return queryServices("WHERE status = 'PUBLISHED' ORDER BY code, version");
    }

    @Override
    public long changeCount() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT changes FROM gcam_cat_change WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void insertFiling(Filing f) {
        Objects.requireNonNull(f, "filing");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO gcam_cat_filing (id, applicant_id, service_code,"
                        + " agency, application_id, reference_number, filed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, f.id());
            s.setString(2, f.applicantId());
            s.setString(3, f.serviceCode());
            s.setString(4, f.agency());
            s.setString(5, f.applicationId());
            s.setString(6, f.referenceNumber());
            setInstant(s, 7, f.filedAt());
            s.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConflictException("filing " + f.referenceNumber());
            }
            throw failure(e);
        }
    }

    @Override
    public List<Filing> filingsOf(String applicantId) {
        Objects.requireNonNull(applicantId, "applicantId");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, applicant_id, service_code, agency,"
                        + " application_id, reference_number, filed_at FROM gcam_cat_filing WHERE applicant_id = ?"
                        + " ORDER BY filed_at DESC, id DESC")) {
            s.setString(1, applicantId);
            List<Filing> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new Filing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), instant(rs, 7)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean recordReceived(CaseRecord r) {
        Objects.requireNonNull(r, "record");
        // Insert-if-absent in portable SQL: a unique violation means "already recorded". Checked first
        // so that the common duplicate (a redelivered event) does not abort a PostgreSQL transaction.
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM gcam_cat_case WHERE application_id = ?")) {
                s.setString(1, r.applicationId());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO gcam_cat_case (application_id, service_code,"
                    + " agency, received_at, completed_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, r.applicationId());
                s.setString(2, r.serviceCode());
                s.setString(3, r.agency());
                setInstant(s, 4, r.receivedAt());
                setInstant(s, 5, r.completedAt());
                s.executeUpdate();
                return true;
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw failure(e);
        }
    }

    @Override
    public boolean recordCompleted(String applicationId, Instant completedAt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE gcam_cat_case SET completed_at = ?"
                        + " WHERE application_id = ? AND completed_at IS NULL")) {
            setInstant(s, 1, completedAt);
            s.setString(2, applicationId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<CaseRecord> cases(String serviceCode, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT application_id, service_code, agency, received_at,"
                        + " completed_at FROM gcam_cat_case WHERE service_code = ? AND ((received_at >= ? AND"
                        + " received_at < ?) OR (completed_at >= ? AND completed_at < ?))"
                        + " ORDER BY received_at, application_id")) {
            s.setString(1, serviceCode);
            setInstant(s, 2, from);
            setInstant(s, 3, to);
            setInstant(s, 4, from);
            setInstant(s, 5, to);
            List<CaseRecord> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new CaseRecord(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                            nullableInstant(rs, 5)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<ServiceEntry> queryServices(String where, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + SERVICE_COLUMNS + " FROM gcam_cat_service "
                        + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<ServiceEntry> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new ServiceEntry(CatalogJson.read(rs.getString(7)), rs.getInt(2),
                            ServiceStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getLong(6),
                            instant(rs, 8), instant(rs, 9)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void countChange(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE gcam_cat_change SET changes = changes + 1 WHERE id = 1")) {
            s.executeUpdate();
        }
    }

    private static GcamException failure(SQLException e) {
        return new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
    }

    private static void setDate(PreparedStatement s, int index, @Nullable LocalDate date) throws SQLException {
        if (date == null) {
            s.setNull(index, Types.DATE);
        } else {
            s.setObject(index, date);
        }
    }

    private static void setInstant(PreparedStatement s, int index, @Nullable Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        return Objects.requireNonNull(nullableInstant(rs, index));
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
