package io.gcam.notification.jdbc;

import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.notification.InboxMessage;
import io.gcam.notification.spi.InboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * An {@link InboxStore} on the table {@code gcam_notification_inbox} (migration
 * {@code notification}). Portable SQL, tested on PostgreSQL and H2.
 */
public final class JdbcInboxStore implements InboxStore {

    private static final String EXISTS = "SELECT 1 FROM gcam_notification_inbox WHERE id = ?";
    private static final String INSERT = "INSERT INTO gcam_notification_inbox"
            + " (id, subject_id, template_id, body_text, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String COUNT = "SELECT COUNT(*) FROM gcam_notification_inbox WHERE subject_id = ?";
    private static final String LIST = "SELECT id, subject_id, template_id, body_text, created_at, read_at"
            + " FROM gcam_notification_inbox WHERE subject_id = ? ORDER BY created_at DESC, id DESC"
            + " OFFSET %d ROWS FETCH NEXT %d ROWS ONLY";
    private static final String MARK = "UPDATE gcam_notification_inbox SET read_at = COALESCE(read_at, ?)"
            + " WHERE subject_id = ? AND id = ?";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    private JdbcInboxStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * @param dataSource a data source on a database migrated with
     *     {@code Migrations.migrate(dataSource, "notification")}
     * @return the store
     */
    public static JdbcInboxStore create(DataSource dataSource) {
        return new JdbcInboxStore(dataSource);
    }

    @Override
    public boolean add(InboxMessage m) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(EXISTS)) {
                s.setString(1, m.id());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, m.id());
                s.setString(2, m.subjectId());
                s.setString(3, m.templateId());
                s.setString(4, m.text());
                s.setObject(5, JdbcOutboxStore.ts(m.createdAt()));
                s.setObject(6, m.readAt() == null ? null : JdbcOutboxStore.ts(m.readAt()));
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState()) && c.getAutoCommit()) {
                    return false; // a concurrent redelivery won
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public Page<InboxMessage> list(String subjectId, PageRequest page) {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement(COUNT)) {
                s.setString(1, subjectId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    total = r.getLong(1);
                }
            }
            List<InboxMessage> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    String.format(Locale.ROOT, LIST, page.offset(), page.size()))) {
                s.setString(1, subjectId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        OffsetDateTime read = r.getObject("read_at", OffsetDateTime.class);
                        items.add(new InboxMessage(r.getString("id"), r.getString("subject_id"),
                                r.getString("template_id"), r.getString("body_text"),
                                JdbcOutboxStore.instant(r, "created_at"), read == null ? null : read.toInstant()));
                    }
                }
            }
            return Page.of(items, page, Math.max(total, page.offset() + items.size()));
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }

    @Override
    public boolean markRead(String subjectId, String messageId, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(MARK)) {
            s.setObject(1, JdbcOutboxStore.ts(at));
            s.setString(2, subjectId);
            s.setString(3, messageId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        }
    }
}
