package io.gcam.notification.jdbc;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.notification.Channel;
import io.gcam.notification.Notification;
import io.gcam.notification.NotificationStatus;
import io.gcam.notification.spi.OutboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OutboxStore} on the table {@code gcam_notification} (migration {@code notification}:
 * {@code Migrations.migrate(dataSource, "notification")}). Portable SQL, tested on PostgreSQL and H2.
 *
 * <p>Give it a transaction-aware data source such as {@code LocalTransactions.dataSource()}:
 * {@link #insert} then joins the caller's transaction. {@link #claim} runs in its own short
 * transaction and locks candidate rows with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so many
 * workers in many instances take disjoint batches without waiting on each other; it must be
 * called outside a caller's transaction.
 */
public final class JdbcOutboxStore implements OutboxStore {

    private static final String COLUMNS = "id, reference, agency, subject_id, template_id, template_version, channel,"
            + " locale, recipient, subject, body_text, body_html, attachments, status, attempts, next_attempt_at,"
            + " last_error, created_at, updated_at";
    private static final String INSERT = "INSERT INTO gcam_notification (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // Three index-friendly queries instead of one with OR: each reads the due rows of one status
    // through gcam_notification_due_ix (status, next_attempt_at) and stops at the limit, so claiming
    // costs the same however many notifications the table keeps or has waiting.
    private static final String LEASE_ENDED = "SELECT " + COLUMNS + " FROM gcam_notification"
            + " WHERE status = 'SENDING' AND lease_until <= ?"
            + " ORDER BY lease_until FETCH FIRST %d ROWS ONLY FOR UPDATE SKIP LOCKED";
    private static final String DUE = "SELECT " + COLUMNS + " FROM gcam_notification"
            + " WHERE status = ? AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at FETCH FIRST %d ROWS ONLY FOR UPDATE SKIP LOCKED";
    // H2 (2.3) locks every row that matches a FOR UPDATE query with an ORDER BY before it sorts
    // them: with thousands of notifications waiting, one claim took 100 ms instead of 1 ms. Without
    // the ORDER BY it walks gcam_notification_due_ix, which is in next_attempt_at order for one
    // status, and stops at the limit. PostgreSQL gets the ORDER BY and uses the same index.
    private static final String DUE_H2 = "SELECT " + COLUMNS + " FROM gcam_notification"
            + " WHERE status = ? AND next_attempt_at <= ?"
            + " FETCH FIRST %d ROWS ONLY FOR UPDATE SKIP LOCKED";
    private static final String TAKE = "UPDATE gcam_notification SET status = 'SENDING', attempts = attempts + 1,"
            + " lease_until = ?, updated_at = ? WHERE id = ?";
    private static final String COMPLETE = "UPDATE gcam_notification SET status = ?, next_attempt_at = ?,"
            + " last_error = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'SENDING' AND attempts = ?";
    private static final String RELEASE = "UPDATE gcam_notification SET status = 'CREATED', attempts = attempts - 1,"
            + " next_attempt_at = ?, lease_until = NULL, updated_at = ?"
            + " WHERE id = ? AND status = 'SENDING' AND attempts = ?";
    private static final String REQUEUE = "UPDATE gcam_notification SET status = 'CREATED', attempts = 0,"
            + " next_attempt_at = ?, lease_until = NULL, updated_at = ?"
            + " WHERE id = ? AND status IN ('TECHNICAL_FAILURE', 'PERMANENT_FAILURE')";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM gcam_notification WHERE id = ?";
    private static final String BY_REFERENCE = "SELECT " + COLUMNS + " FROM gcam_notification WHERE reference = ?"
            + " ORDER BY created_at, id FETCH FIRST %d ROWS ONLY";

    private final DataSource dataSource;
    private volatile @Nullable Boolean h2;

    private JdbcOutboxStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param dataSource a transaction-aware data source (e.g. {@code LocalTransactions.dataSource()})
     *     on a database migrated with {@code Migrations.migrate(dataSource, "notification")}
     * @return the store
     */
    public static JdbcOutboxStore create(DataSource dataSource) {
        return new JdbcOutboxStore(dataSource);
    }

    @Override
    public void insert(Notification n) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, n.id());
            s.setString(2, n.reference());
            s.setString(3, n.agency());
            s.setString(4, n.subjectId());
            s.setString(5, n.templateId());
            s.setInt(6, n.templateVersion());
            s.setString(7, n.channel().name());
            s.setString(8, n.locale().toLanguageTag());
            s.setString(9, n.recipient());
            s.setString(10, n.subject());
            s.setString(11, n.text());
            s.setString(12, n.html());
            s.setString(13, n.attachments().isEmpty() ? null : String.join("\n", n.attachments()));
            s.setString(14, n.status().name());
            s.setInt(15, n.attempts());
            s.setObject(16, ts(n.nextAttemptAt()));
            s.setString(17, n.lastError());
            s.setObject(18, ts(n.createdAt()));
            s.setObject(19, ts(n.updatedAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public List<Notification> claim(Instant now, Instant leaseUntil, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID,
                        "JdbcOutboxStore.claim must run outside a caller's transaction");
            }
            c.setAutoCommit(false);
            try {
                Instant at = now.truncatedTo(ChronoUnit.MICROS);
                Map<String, Notification> candidates = new LinkedHashMap<>();
                lock(c, String.format(Locale.ROOT, LEASE_ENDED, limit), null, at, candidates);
                // Retries before new work, so a steady stream of new notifications cannot starve them.
                for (NotificationStatus status : new NotificationStatus[] {
                        NotificationStatus.TEMPORARY_FAILURE, NotificationStatus.CREATED}) {
                    int wanted = limit - candidates.size();
                    if (wanted > 0) {
                        lock(c, String.format(Locale.ROOT, isH2(c) ? DUE_H2 : DUE, wanted), status, at, candidates);
                    }
                }
                List<Notification> claimed = new ArrayList<>(candidates.size());
                if (!candidates.isEmpty()) {
                    try (PreparedStatement s = c.prepareStatement(TAKE)) {
                        for (Notification n : candidates.values()) {
                            s.setObject(1, ts(leaseUntil));
                            s.setObject(2, ts(at));
                            s.setString(3, n.id());
                            s.addBatch();
                            claimed.add(n.withStatus(NotificationStatus.SENDING, n.attempts() + 1, n.nextAttemptAt(),
                                    n.lastError(), at));
                        }
                        s.executeBatch();
                    }
                }
                c.commit();
                return claimed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public boolean complete(String id, int attempt, NotificationStatus status, Instant nextAttemptAt,
            @Nullable String error, Instant now) {
        if (status == NotificationStatus.CREATED || status == NotificationStatus.SENDING) {
            throw new IllegalArgumentException("an attempt cannot end in " + status);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(COMPLETE)) {
            s.setString(1, status.name());
            s.setObject(2, ts(nextAttemptAt));
            s.setString(3, error);
            s.setObject(4, ts(now));
            s.setString(5, id);
            s.setInt(6, attempt);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public boolean release(String id, int attempt, Instant nextAttemptAt, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(RELEASE)) {
            s.setObject(1, ts(nextAttemptAt));
            s.setObject(2, ts(now));
            s.setString(3, id);
            s.setInt(4, attempt);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public boolean requeue(String id, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(REQUEUE)) {
            s.setObject(1, ts(now));
            s.setObject(2, ts(now));
            s.setString(3, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public Optional<Notification> find(String id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public List<Notification> findByReference(String reference, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(String.format(Locale.ROOT, BY_REFERENCE, Math.max(1, limit)))) {
            s.setString(1, reference);
            List<Notification> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(read(r));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    private boolean isH2(Connection c) throws SQLException {
        Boolean known = h2;
        if (known == null) {
            known = "H2".equals(c.getMetaData().getDatabaseProductName());
            h2 = known;
        }
        return known;
    }

    private static void lock(Connection c, String sql, @Nullable NotificationStatus status, Instant now,
            Map<String, Notification> into) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (status != null) {
                s.setString(i++, status.name());
            }
            s.setObject(i, ts(now));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Notification n = read(r);
                    into.putIfAbsent(n.id(), n);
                }
            }
        }
    }

    private static Optional<Notification> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BY_ID)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    private static Notification read(ResultSet r) throws SQLException {
        String attachments = r.getString("attachments");
        return new Notification(r.getString("id"), r.getString("reference"), r.getString("agency"),
                r.getString("subject_id"), r.getString("template_id"), r.getInt("template_version"),
                Channel.valueOf(r.getString("channel")), Locale.forLanguageTag(r.getString("locale")),
                r.getString("recipient"), r.getString("subject"), r.getString("body_text"), r.getString("body_html"),
                attachments == null ? List.of() : Arrays.asList(attachments.split("\n")),
                NotificationStatus.valueOf(r.getString("status")), r.getInt("attempts"),
                instant(r, "next_attempt_at"), r.getString("last_error"), instant(r, "created_at"),
                instant(r, "updated_at"));
    }

    static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet r, String column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }
}
