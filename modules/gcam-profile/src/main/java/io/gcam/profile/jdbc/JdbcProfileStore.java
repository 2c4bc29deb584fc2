package io.gcam.profile.jdbc;

import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.identity.AssuranceLevel;
import io.gcam.profile.Consent;
import io.gcam.profile.ConsentId;
import io.gcam.profile.ProfileField;
import io.gcam.profile.ProfileId;
import io.gcam.profile.ProfileStatus;
import io.gcam.profile.ProfileVersion;
import io.gcam.profile.SnapshotId;
import io.gcam.profile.spi.ProfileStore;
import io.gcam.profile.spi.StoredProfile;
import io.gcam.profile.spi.StoredSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProfileStore} on the tables of migration {@code profile} (PostgreSQL and H2). Stale
 * updates are refused by a conditional {@code UPDATE ... WHERE version = ?} whose history row is
 * written in the same transaction (the store's own when the caller has none), and uniqueness of
 * subject, document token and application snapshot by constraints, so the guarantees hold across
 * any number of application instances sharing the database.
 */
public final class JdbcProfileStore implements ProfileStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PROFILE_COLUMNS = "profile_id, subject_id, data_enc, document_idx, locked_fields,"
            + " assurance_level, version, status, created_at, updated_at";
    private static final String SNAPSHOT_COLUMNS = "snapshot_id, profile_id, profile_version, application_ref, agency,"
            + " data_enc, taken_at, retain_until";

    private final DataSource dataSource;

    private JdbcProfileStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param dataSource the database, migrated with {@code Migrations.migrate(dataSource, "profile")};
     *     a transaction-aware data source makes the store join the caller's transaction
     * @return the store
     */
    public static JdbcProfileStore create(DataSource dataSource) {
        return new JdbcProfileStore(dataSource);
    }

    @Override
    public void insert(StoredProfile profile, ProfileVersion created) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(created, "created");
        inOwnTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gcam_profile (" + PROFILE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, profile.id().value());
                ps.setString(2, profile.subjectId());
                ps.setString(3, profile.encryptedData());
                ps.setString(4, profile.documentIndex());
                ps.setString(5, fields(profile.lockedFields()));
                ps.setString(6, profile.assuranceLevel().name());
                ps.setLong(7, profile.version());
                ps.setString(8, profile.status().name());
                ps.setTimestamp(9, Timestamp.from(profile.createdAt()));
                ps.setTimestamp(10, Timestamp.from(profile.updatedAt()));
                ps.executeUpdate();
            }
            insertVersion(c, created);
            return null;
        }, "profile " + profile.id());
    }

    @Override
    public Optional<StoredProfile> find(ProfileId id) {
        return queryProfile("SELECT " + PROFILE_COLUMNS + " FROM gcam_profile WHERE profile_id = ?", id.value());
    }

    @Override
    public Optional<StoredProfile> findBySubject(String subjectId) {
        return queryProfile("SELECT " + PROFILE_COLUMNS + " FROM gcam_profile WHERE subject_id = ?", subjectId);
    }

    @Override
    public Optional<ProfileId> findIdByDocumentIndex(String documentIndex) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT profile_id FROM gcam_profile WHERE document_idx = ?")) {
            ps.setString(1, documentIndex);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ProfileId(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean update(StoredProfile next, ProfileVersion change) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(change, "change");
        if (change.version() != next.version() || !change.profileId().equals(next.id())) {
            throw new IllegalArgumentException("the history entry must name the new version of the same profile");
        }
        return inOwnTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gcam_profile SET subject_id = ?, data_enc = ?,"
                    + " document_idx = ?, locked_fields = ?, assurance_level = ?, version = ?, status = ?, updated_at = ?"
                    + " WHERE profile_id = ? AND version = ?")) {
                ps.setString(1, next.subjectId());
                ps.setString(2, next.encryptedData());
                ps.setString(3, next.documentIndex());
                ps.setString(4, fields(next.lockedFields()));
                ps.setString(5, next.assuranceLevel().name());
                ps.setLong(6, next.version());
                ps.setString(7, next.status().name());
                ps.setTimestamp(8, Timestamp.from(next.updatedAt()));
                ps.setString(9, next.id().value());
                ps.setLong(10, next.version() - 1);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            insertVersion(c, change);
            return true;
        }, "profile " + next.id());
    }

    @Override
    public List<ProfileVersion> history(ProfileId id) {
        String sql = "SELECT profile_id, version, action, changed_fields, actor_kind, actor_id, changed_at"
                + " FROM gcam_profile_version WHERE profile_id = ? ORDER BY version";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id.value());
            List<ProfileVersion> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ProfileVersion(new ProfileId(rs.getString(1)), rs.getLong(2), rs.getString(3),
                            parseFields(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void insertConsent(Consent consent) {
        String sql = "INSERT INTO gcam_profile_consent (consent_id, profile_id, purpose, agency, granted_at, withdrawn_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, consent.id().value());
            ps.setString(2, consent.profileId().value());
            ps.setString(3, consent.purpose());
            ps.setString(4, consent.agency());
            ps.setTimestamp(5, Timestamp.from(consent.grantedAt()));
            ps.setTimestamp(6, timestamp(consent.withdrawnAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw conflictOrFailure(e, "consent " + consent.id());
        }
    }

    @Override
    public boolean withdrawConsent(ConsentId id, Instant at) {
        String sql = "UPDATE gcam_profile_consent SET withdrawn_at = ? WHERE consent_id = ? AND withdrawn_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, id.value());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<Consent> consents(ProfileId profileId) {
        String sql = "SELECT consent_id, profile_id, purpose, agency, granted_at, withdrawn_at FROM gcam_profile_consent"
                + " WHERE profile_id = ? ORDER BY granted_at, consent_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, profileId.value());
            List<Consent> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp withdrawn = rs.getTimestamp(6);
                    result.add(new Consent(new ConsentId(rs.getString(1)), new ProfileId(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                            withdrawn == null ? null : withdrawn.toInstant()));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void insertSnapshot(StoredSnapshot snapshot) {
        String sql = "INSERT INTO gcam_profile_snapshot (" + SNAPSHOT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, snapshot.id().value());
            ps.setString(2, snapshot.profileId().value());
            ps.setLong(3, snapshot.profileVersion());
            ps.setString(4, snapshot.applicationRef());
            ps.setString(5, snapshot.agency());
            ps.setString(6, snapshot.encryptedData());
            ps.setTimestamp(7, Timestamp.from(snapshot.takenAt()));
            ps.setTimestamp(8, Timestamp.from(snapshot.retainUntil()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw conflictOrFailure(e, "snapshot for application " + snapshot.applicationRef());
        }
    }

    @Override
    public Optional<StoredSnapshot> findSnapshot(SnapshotId id) {
        List<StoredSnapshot> found = querySnapshots("SELECT " + SNAPSHOT_COLUMNS
                + " FROM gcam_profile_snapshot WHERE snapshot_id = ?", id.value());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<StoredSnapshot> snapshots(ProfileId profileId) {
        return querySnapshots("SELECT " + SNAPSHOT_COLUMNS
                + " FROM gcam_profile_snapshot WHERE profile_id = ? ORDER BY taken_at, snapshot_id", profileId.value());
    }

    @Override
    public boolean deleteSnapshot(SnapshotId id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM gcam_profile_snapshot WHERE snapshot_id = ?")) {
            ps.setString(1, id.value());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public int purgeSnapshotsRetainedBefore(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM gcam_profile_snapshot WHERE retain_until < ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in the caller's transaction, or in one of its own when there is none. */
    private <T> T inOwnTransaction(Work<T> work, String what) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                return work.run(c);
            }
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw conflictOrFailure(e, what);
        }
    }

    private static void insertVersion(Connection c, ProfileVersion v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gcam_profile_version (profile_id, version, action,"
                + " changed_fields, actor_kind, actor_id, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, v.profileId().value());
            ps.setLong(2, v.version());
            ps.setString(3, v.action());
            ps.setString(4, fields(v.changedFields()));
            ps.setString(5, v.actorKind());
            ps.setString(6, v.actorId());
            ps.setTimestamp(7, Timestamp.from(v.changedAt()));
            ps.executeUpdate();
        }
    }

    private Optional<StoredProfile> queryProfile(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredProfile(new ProfileId(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), parseFields(rs.getString(5)), AssuranceLevel.valueOf(rs.getString(6)),
                        rs.getLong(7), ProfileStatus.valueOf(rs.getString(8)), rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10).toInstant()));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<StoredSnapshot> querySnapshots(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            List<StoredSnapshot> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new StoredSnapshot(new SnapshotId(rs.getString(1)), new ProfileId(rs.getString(2)),
                            rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static String fields(Set<ProfileField> fields) {
        return fields.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<ProfileField> parseFields(String text) {
        Set<ProfileField> result = EnumSet.noneOf(ProfileField.class);
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                result.add(ProfileField.valueOf(name.strip()));
            }
        }
        return result;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static GcamException conflictOrFailure(SQLException e, String what) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return new ConflictException(what);
        }
        return failure(e);
    }

    private static GcamException failure(SQLException e) {
        return new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
    }
}
