package io.gcam.documents.jdbc;

import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.documents.Document;
import io.gcam.documents.DocumentErrorCode;
import io.gcam.documents.DocumentRejectedException;
import io.gcam.documents.OwnerRef;
import io.gcam.documents.spi.DocumentStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link DocumentStore} in table {@code gcam_doc_document} (migrations {@code db/gcam/documents},
 * run with {@code Migrations.migrate(dataSource, "documents")}). Portable SQL for PostgreSQL and
 * H2. Takes one connection per operation from the data source, so it joins the caller's
 * transaction when the data source is transaction-aware
 * ({@link io.gcam.core.jdbc.LocalTransactions#dataSource()}). The same content (SHA-256) of the same
 * type is stored once per owner, enforced by a unique constraint. The most documents of a type per
 * owner is enforced by the database too: an insert first updates that owner's and type's row in
 * {@code gcam_doc_type_lock}, so concurrent inserts for one owner and type (from any number of
 * application instances) count and insert one after the other. Run it at READ COMMITTED, the
 * default of PostgreSQL and H2; at REPEATABLE READ or SERIALIZABLE a racing insert fails with a
 * serialization error instead of waiting.
 */
public final class JdbcDocumentStore implements DocumentStore {

    private static final String COLUMNS = "id, agency, application_type, owner_reference, applicant_id, document_type,"
            + " media_type, size_bytes, sha256, file_name, blob_key, created_at, retain_until";
    private static final String OWNER = "agency = ? AND application_type = ? AND owner_reference = ? AND applicant_id = ?";

    private final DataSource dataSource;

    private JdbcDocumentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param dataSource where table {@code gcam_doc_document} lives
     * @return the store
     */
    public static JdbcDocumentStore create(DataSource dataSource) {
        return new JdbcDocumentStore(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void insert(Document d, int maxCount) {
        Objects.requireNonNull(d, "document");
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be at least 1");
        }
        try (Connection c = dataSource.getConnection()) {
            // Outside a caller's transaction the lock, count and insert still need one of their own.
            boolean own = c.getAutoCommit();
            if (own) {
                c.setAutoCommit(false);
            }
            try {
                lockOwnerType(c, d);
                if (countOwnerType(c, d) >= maxCount) {
                    throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_TOO_MANY, maxCount, d.type());
                }
                insertRow(c, d);
                if (own) {
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (own) {
                    rollbackQuietly(c, e);
                }
                throw e;
            } finally {
                if (own) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new ConflictException("document " + d.id());
            }
            throw failure(e);
        }
    }

    /**
     * Takes the owner's and type's lock row by updating it (creating it first when needed); held until
     * the transaction ends. Updating rather than merely locking also makes a snapshot-isolated caller
     * fail with a serialization error instead of counting from a stale snapshot.
     */
    private static void lockOwnerType(Connection c, Document d) throws SQLException {
        if (touchLock(c, d)) {
            return;
        }
        Savepoint beforeCreate = c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO gcam_doc_type_lock (agency, application_type,"
                + " owner_reference, applicant_id, document_type, inserts) VALUES (?, ?, ?, ?, ?, 1)")) {
            setOwner(s, 1, d.owner());
            s.setString(5, d.type());
            s.executeUpdate();
            c.releaseSavepoint(beforeCreate);
            return;
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            // Another transaction created the row first: wait for it and take the lock.
            c.rollback(beforeCreate);
        }
        if (!touchLock(c, d)) {
            throw new SQLException("lock row of an owner's document type vanished");
        }
    }

    private static boolean touchLock(Connection c, Document d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE gcam_doc_type_lock SET inserts = inserts + 1 WHERE " + OWNER
                + " AND document_type = ?")) {
            setOwner(s, 1, d.owner());
            s.setString(5, d.type());
            return s.executeUpdate() > 0;
        }
    }

    private static int countOwnerType(Connection c, Document d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM gcam_doc_document WHERE " + OWNER
                + " AND document_type = ?")) {
            setOwner(s, 1, d.owner());
            s.setString(5, d.type());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void insertRow(Connection c, Document d) throws SQLException {
        String sql = "INSERT INTO gcam_doc_document (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, d.id());
            setOwner(s, 2, d.owner());
            s.setString(6, d.type());
            s.setString(7, d.mediaType());
            s.setLong(8, d.size());
            s.setString(9, d.sha256());
            s.setString(10, d.fileName());
            s.setString(11, d.blobKey());
            s.setObject(12, OffsetDateTime.ofInstant(d.createdAt(), ZoneOffset.UTC));
            s.setObject(13, OffsetDateTime.ofInstant(d.retainUntil(), ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public Optional<Document> find(String id) {
        List<Document> found = query("SELECT " + COLUMNS + " FROM gcam_doc_document WHERE id = ?", s -> s.setString(1, id));
        return found.stream().findFirst();
    }

    @Override
    public Optional<Document> findByContent(OwnerRef owner, String type, String sha256) {
        List<Document> found = query("SELECT " + COLUMNS + " FROM gcam_doc_document WHERE " + OWNER
                + " AND document_type = ? AND sha256 = ? ORDER BY created_at, id", s -> {
                    setOwner(s, 1, owner);
                    s.setString(5, type);
                    s.setString(6, sha256);
                });
        return found.stream().findFirst();
    }

    @Override
    public List<Document> listByOwner(OwnerRef owner) {
        return query("SELECT " + COLUMNS + " FROM gcam_doc_document WHERE " + OWNER + " ORDER BY created_at, id",
                s -> setOwner(s, 1, owner));
    }

    @Override
    public List<Document> findExpired(Instant now, int limit) {
        return query("SELECT " + COLUMNS + " FROM gcam_doc_document WHERE retain_until < ? ORDER BY retain_until, id"
                + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                s -> s.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)));
    }

    @Override
    public boolean delete(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM gcam_doc_document WHERE id = ?")) {
            s.setString(1, id);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<Document> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                List<Document> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Document(rs.getString("id"),
                            new OwnerRef(rs.getString("agency"), rs.getString("application_type"),
                                    rs.getString("owner_reference"), rs.getString("applicant_id")),
                            rs.getString("document_type"), rs.getString("media_type"), rs.getLong("size_bytes"),
                            rs.getString("sha256"), rs.getString("file_name"), rs.getString("blob_key"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("retain_until", OffsetDateTime.class).toInstant()));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void setOwner(PreparedStatement s, int from, OwnerRef owner) throws SQLException {
        s.setString(from, owner.agency());
        s.setString(from + 1, owner.applicationType());
        s.setString(from + 2, owner.reference());
        s.setString(from + 3, owner.applicantId());
    }

    private static GcamException failure(SQLException e) {
        return new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
    }
}
