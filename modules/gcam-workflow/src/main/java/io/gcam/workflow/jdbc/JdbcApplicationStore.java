package io.gcam.workflow.jdbc;

import io.gcam.core.Actor;
import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.workflow.Application;
import io.gcam.workflow.HistoryEntry;
import io.gcam.workflow.spi.ApplicationQuery;
import io.gcam.workflow.spi.ApplicationStore;
import io.gcam.workflow.spi.InquirySecrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ApplicationStore} on PostgreSQL or H2, in the tables of migration
 * {@code db/gcam/workflow} (run {@code Migrations.migrate(dataSource, "workflow")}).
 *
 * <p>Every operation takes a connection from the data source and closes it: give it a
 * transaction-aware data source such as {@code LocalTransactions.dataSource()} so that it joins
 * the workflow service's transaction. Updates are {@code UPDATE ... WHERE id = ? AND version = ?}:
 * under PostgreSQL's and H2's default {@code READ COMMITTED} isolation a concurrent second update
 * waits for the first transaction and then matches no row. Escalation claims are
 * {@code UPDATE ... WHERE escalated_at IS NULL AND state_due_on = ?}, exactly one of several
 * instances matches.
 */
public final class JdbcApplicationStore implements ApplicationStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "id, reference_number, app_type, definition_version, applicant_id, agency,"
            + " state, form_data, assignee, state_due_on, due_on, submitted_at, updated_at, version, last_actor_id,"
            + " pending_action, approvers, escalated_at";
    private static final String INSERT = "INSERT INTO gcam_wf_application (" + COLUMNS + ", access_code_hash, date_of_birth_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE gcam_wf_application SET state = ?, form_data = ?, assignee = ?,"
            + " state_due_on = ?, due_on = ?, updated_at = ?, version = ?, last_actor_id = ?, pending_action = ?,"
            + " approvers = ?, escalated_at = ? WHERE id = ? AND version = ?";
    private static final String INSERT_HISTORY = "INSERT INTO gcam_wf_history (application_id, seq, occurred_at,"
            + " actor_id, actor_kind, action, from_state, to_state, comment_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    private JdbcApplicationStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param dataSource a transaction-aware data source on a database migrated with
     *     {@code Migrations.migrate(dataSource, "workflow")}
     * @return the store
     */
    public static JdbcApplicationStore create(DataSource dataSource) {
        return new JdbcApplicationStore(dataSource);
    }

    @Override
    public void insert(Application a, HistoryEntry first, InquirySecrets secrets) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                int i = 1;
                s.setString(i++, a.id());
                s.setString(i++, a.referenceNumber());
                s.setString(i++, a.type());
                s.setInt(i++, a.definitionVersion());
                s.setString(i++, a.applicantId());
                s.setString(i++, a.agency());
                s.setString(i++, a.state());
                s.setString(i++, a.formData());
                s.setString(i++, a.assignee());
                setDate(s, i++, a.stateDueOn());
                setDate(s, i++, a.dueOn());
                setInstant(s, i++, a.submittedAt());
                setInstant(s, i++, a.updatedAt());
                s.setLong(i++, a.version());
                s.setString(i++, a.lastActorId());
                s.setString(i++, a.pendingAction());
                s.setString(i++, approvers(a.approvers()));
                setInstant(s, i++, a.escalatedAt());
                s.setString(i++, secrets.accessCodeHash());
                s.setString(i, secrets.dateOfBirthHash());
                s.executeUpdate();
            }
            insertHistory(c, first);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new ConflictException("application " + a.referenceNumber());
            }
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public boolean update(Application a, long expectedVersion, HistoryEntry entry) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                int i = 1;
                s.setString(i++, a.state());
                s.setString(i++, a.formData());
                s.setString(i++, a.assignee());
                setDate(s, i++, a.stateDueOn());
                setDate(s, i++, a.dueOn());
                setInstant(s, i++, a.updatedAt());
                s.setLong(i++, a.version());
                s.setString(i++, a.lastActorId());
                s.setString(i++, a.pendingAction());
                s.setString(i++, approvers(a.approvers()));
                setInstant(s, i++, a.escalatedAt());
                s.setString(i++, a.id());
                s.setLong(i, expectedVersion);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            insertHistory(c, entry);
            return true;
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public Optional<Application> find(String id) {
        return one("SELECT " + COLUMNS + " FROM gcam_wf_application WHERE id = ?", id);
    }

    @Override
    public Optional<Application> findByReference(String referenceNumber) {
        return one("SELECT " + COLUMNS + " FROM gcam_wf_application WHERE reference_number = ?", referenceNumber);
    }

    @Override
    public InquirySecrets inquirySecrets(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT access_code_hash, date_of_birth_hash FROM gcam_wf_application WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new InquirySecrets(rs.getString(1), rs.getString(2)) : InquirySecrets.none();
            }
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public List<HistoryEntry> history(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT application_id, seq, occurred_at, actor_id,"
                        + " actor_kind, action, from_state, to_state, comment_text FROM gcam_wf_history"
                        + " WHERE application_id = ? ORDER BY seq")) {
            s.setString(1, id);
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new HistoryEntry(rs.getString(1), rs.getLong(2), instant(rs, 3), rs.getString(4),
                            Actor.Kind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public Page<Application> search(ApplicationQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE agency = ?");
        List<Object> params = new ArrayList<>();
        params.add(query.agency());
        if (query.type() != null) {
            where.append(" AND app_type = ?");
            params.add(query.type());
        }
        if (!query.states().isEmpty()) {
            where.append(" AND state IN (").append(String.join(", ", java.util.Collections.nCopies(
                    query.states().size(), "?"))).append(')');
            params.addAll(query.states().stream().sorted().toList());
        }
        if (query.assignee() != null) {
            where.append(" AND assignee = ?");
            params.add(query.assignee());
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM gcam_wf_application" + where)) {
                bind(s, params);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Application> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM gcam_wf_application" + where
                    + " ORDER BY CASE WHEN state_due_on IS NULL THEN 1 ELSE 0 END, state_due_on, submitted_at, id"
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                bind(s, params);
                s.setLong(params.size() + 1, page.offset());
                s.setInt(params.size() + 2, page.size());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(map(rs));
                    }
                }
            }
            return Page.of(items, page, total);
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public Map<String, Long> countByState(String agency, @Nullable String type) {
        String sql = "SELECT state, COUNT(*) FROM gcam_wf_application WHERE agency = ?"
                + (type != null ? " AND app_type = ?" : "") + " GROUP BY state ORDER BY state";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, agency);
            if (type != null) {
                s.setString(2, type);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public List<Application> dueBetween(@Nullable String agency, @Nullable LocalDate firstDueDate,
            LocalDate lastDueDate, boolean unescalatedOnly, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM gcam_wf_application WHERE state_due_on IS NOT NULL"
                + " AND state_due_on <= ?" + (firstDueDate != null ? " AND state_due_on >= ?" : "")
                + (unescalatedOnly ? " AND escalated_at IS NULL" : "") + (agency != null ? " AND agency = ?" : "")
                + " ORDER BY state_due_on, submitted_at, id FETCH FIRST ? ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setObject(i++, lastDueDate);
            if (firstDueDate != null) {
                s.setObject(i++, firstDueDate);
            }
            if (agency != null) {
                s.setString(i++, agency);
            }
            s.setInt(i, limit);
            List<Application> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public boolean claimEscalation(String id, LocalDate stateDueOn, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE gcam_wf_application SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL"
                        + " AND state_due_on = ?")) {
            setInstant(s, 1, at);
            s.setString(2, id);
            s.setObject(3, stateDueOn);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private Optional<Application> one(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private static void insertHistory(Connection c, HistoryEntry e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_HISTORY)) {
            s.setString(1, e.applicationId());
            s.setLong(2, e.sequence());
            setInstant(s, 3, e.at());
            s.setString(4, e.actorId());
            s.setString(5, e.actorKind().name());
            s.setString(6, e.action());
            s.setString(7, e.fromState());
            s.setString(8, e.toState());
            s.setString(9, e.comment());
            s.executeUpdate();
        }
    }

    private static Application map(ResultSet rs) throws SQLException {
        return new Application(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), date(rs, 10), date(rs, 11),
                instant(rs, 12), instant(rs, 13), rs.getLong(14), rs.getString(15), rs.getString(16),
                approvers(rs.getString(17)), nullableInstant(rs, 18));
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
    }

    private static @Nullable String approvers(List<String> approvers) {
        return approvers.isEmpty() ? null : String.join("\n", approvers);
    }

    private static List<String> approvers(@Nullable String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n"));
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
            s.setObject(index, instant.atOffset(java.time.ZoneOffset.UTC));
        }
    }

    private static @Nullable LocalDate date(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        return Objects.requireNonNull(nullableInstant(rs, index));
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, int index) throws SQLException {
        java.time.OffsetDateTime value = rs.getObject(index, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
