package io.gcam.records.jdbc;

import io.gcam.core.Actor;
import io.gcam.core.AuditActor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditHead;
import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.NotFoundException;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.records.CheckOut;
import io.gcam.records.Classification;
import io.gcam.records.ContentRef;
import io.gcam.records.ContentVersion;
import io.gcam.records.Custodian;
import io.gcam.records.DisposalAction;
import io.gcam.records.DisposalCertificate;
import io.gcam.records.DisposalItem;
import io.gcam.records.DisposalOutcome;
import io.gcam.records.DisposalRun;
import io.gcam.records.DisposalRunId;
import io.gcam.records.DisposalRunStatus;
import io.gcam.records.LegalHold;
import io.gcam.records.LegalHoldId;
import io.gcam.records.ManagedRecord;
import io.gcam.records.RecordId;
import io.gcam.records.RecordKind;
import io.gcam.records.RecordQuery;
import io.gcam.records.RecordStatus;
import io.gcam.records.RecordsErrorCode;
import io.gcam.records.RetentionRule;
import io.gcam.records.SecurityLevel;
import io.gcam.records.Transfer;
import io.gcam.records.TransferId;
import io.gcam.records.TransferStatus;
import io.gcam.records.spi.RecordStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RecordStore} on PostgreSQL or H2, in the {@code gcam_rec_*} tables created by
 * {@code Migrations.migrate(dataSource, "records")}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Conditional changes are single conditional {@code UPDATE}s (on the record's revision, a
 *       transfer's or run's status, a hold's release time), so of two concurrent changes based on the
 *       same state exactly one succeeds, across application instances.</li>
 *   <li>Custody appends take the record row's lock (held until the transaction ends), so each record
 *       has one chain; a unique constraint on {@code (record_id, previous_hash)} makes a fork
 *       impossible even for writers that bypass this class. Appends to different records do not wait
 *       for each other.</li>
 *   <li>Takes a connection per operation from the data source, so it joins the caller's transaction
 *       when given the transaction-aware data source ({@link io.gcam.core.jdbc.LocalTransactions});
 *       operations of several statements run in a transaction of their own otherwise. Transactions
 *       must run at READ COMMITTED (the default of PostgreSQL and H2).</li>
 * </ul>
 */
public final class JdbcRecordStore implements RecordStore {

    private static final String RECORD_COLUMNS = "id, reference, kind, dossier_id, title_en, title_zh, title_pt,"
            + " classification_code, security_level, owner_agency, owner_department, custodian_agency,"
            + " custodian_department, case_reference, status, created_at, closed_at, location, barcode, checked_out_by,"
            + " checked_out_at, check_out_reason, pending_transfer_id, active_holds, latest_version, revision";
    private static final String CUSTODY_COLUMNS = "record_id, seq, actor_id, actor_kind, actor_agency, action, occurred_at,"
            + " details, previous_hash, entry_hash";
    private static final String VERSION_COLUMNS = "record_id, version_no, content_id, sha256, size_bytes, media_type,"
            + " created_by, created_at, reason";
    private static final String TRANSFER_COLUMNS = "id, record_id, from_agency, from_department, to_agency, to_department,"
            + " note, sent_by, sent_at, status, acknowledged_by, acknowledged_at";
    private static final String HOLD_COLUMNS = "id, record_id, reason, placed_by, placed_at, released_by, released_at";
    private static final String CERTIFICATE_COLUMNS = "run_id, record_id, reference, title_en, title_zh, title_pt, agency,"
            + " classification_code, keep_for, disposal_action, outcome, prepared_by, approved_by, disposed_at,"
            + " custody_seq, custody_hash";

    private final DataSource dataSource;

    private JdbcRecordStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param dataSource the transaction-aware data source whose database has the {@code records} migrations
     * @return the store
     */
    public static JdbcRecordStore create(DataSource dataSource) {
        return new JdbcRecordStore(Objects.requireNonNull(dataSource, "dataSource"));
    }

    // ------------------------------------------------------------------ records

    @Override
    public void insert(ManagedRecord r) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO gcam_rec_record (" + RECORD_COLUMNS
                    + ", security_rank, custody_seq, custody_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
                s.setString(1, r.id().value());
                s.setString(2, r.reference());
                s.setString(3, r.kind().name());
                s.setString(4, r.dossierId() == null ? null : r.dossierId().value());
                s.setString(5, r.title().en());
                s.setString(6, r.title().zhHant());
                s.setString(7, r.title().pt());
                s.setString(8, r.classificationCode());
                s.setString(9, r.securityLevel().name());
                s.setString(10, r.owner().agency());
                s.setString(11, r.owner().department());
                s.setString(12, r.custodian().agency());
                s.setString(13, r.custodian().department());
                s.setString(14, r.caseReference());
                s.setString(15, r.status().name());
                s.setObject(16, time(r.createdAt()));
                s.setObject(17, time(r.closedAt()));
                s.setString(18, r.location());
                s.setString(19, r.barcode());
                CheckOut lock = r.checkOut();
                s.setString(20, lock == null ? null : lock.subjectId());
                s.setObject(21, lock == null ? null : time(lock.at()));
                s.setString(22, lock == null ? null : lock.reason());
                s.setString(23, r.pendingTransfer() == null ? null : r.pendingTransfer().value());
                s.setInt(24, r.activeHolds());
                s.setInt(25, r.latestVersion());
                s.setLong(26, r.revision());
                s.setInt(27, r.securityLevel().ordinal());
                s.setString(28, AuditHead.GENESIS_HASH);
                s.executeUpdate();
            } catch (SQLException e) {
                if (isUniqueViolation(e) && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("barcode_uk")) {
                    throw new GcamException(RecordsErrorCode.BARCODE_IN_USE, String.valueOf(r.barcode()));
                }
                throw e;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO gcam_rec_keyword (record_id, keyword) VALUES (?, ?)")) {
                for (String keyword : r.keywords()) {
                    s.setString(1, r.id().value());
                    s.setString(2, keyword);
                    s.addBatch();
                }
                if (!r.keywords().isEmpty()) {
                    s.executeBatch();
                }
            }
            return null;
        }, "record " + r.id());
    }

    @Override
    public Optional<ManagedRecord> find(RecordId id) {
        return first(records("SELECT " + RECORD_COLUMNS + " FROM gcam_rec_record WHERE id = ?", s -> s.setString(1, id.value())));
    }

    @Override
    public Optional<ManagedRecord> findByBarcode(String agency, String barcode) {
        return first(records("SELECT " + RECORD_COLUMNS + " FROM gcam_rec_record WHERE owner_agency = ? AND barcode = ?", s -> {
            s.setString(1, agency);
            s.setString(2, barcode);
        }));
    }

    @Override
    public boolean update(ManagedRecord r) {
        String sql = "UPDATE gcam_rec_record SET status = ?, closed_at = ?, location = ?, checked_out_by = ?,"
                + " checked_out_at = ?, check_out_reason = ?, pending_transfer_id = ?, custodian_agency = ?,"
                + " custodian_department = ?, active_holds = ?, latest_version = ?, revision = ?"
                + " WHERE id = ? AND revision = ?";
        return execute(sql, s -> {
            s.setString(1, r.status().name());
            s.setObject(2, time(r.closedAt()));
            s.setString(3, r.location());
            CheckOut lock = r.checkOut();
            s.setString(4, lock == null ? null : lock.subjectId());
            s.setObject(5, lock == null ? null : time(lock.at()));
            s.setString(6, lock == null ? null : lock.reason());
            s.setString(7, r.pendingTransfer() == null ? null : r.pendingTransfer().value());
            s.setString(8, r.custodian().agency());
            s.setString(9, r.custodian().department());
            s.setInt(10, r.activeHolds());
            s.setInt(11, r.latestVersion());
            s.setLong(12, r.revision());
            s.setString(13, r.id().value());
            s.setLong(14, r.revision() - 1);
        }) == 1;
    }

    @Override
    public boolean delete(RecordId id, long revision) {
        return inTransaction(c -> {
            // Locks the row and checks the condition in one statement; a concurrent hold waits for us or we for it.
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE gcam_rec_record SET revision = revision WHERE id = ? AND revision = ? AND active_holds = 0")) {
                s.setString(1, id.value());
                s.setLong(2, revision);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            for (String table : List.of("gcam_rec_keyword", "gcam_rec_version", "gcam_rec_custody", "gcam_rec_transfer",
                    "gcam_rec_legal_hold", "gcam_rec_record")) {
                String column = table.equals("gcam_rec_record") ? "id" : "record_id";
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " = ?")) {
                    s.setString(1, id.value());
                    s.executeUpdate();
                }
            }
            return true;
        }, "record " + id);
    }

    @Override
    public Page<ManagedRecord> search(RecordQuery q, String agency, SecurityLevel clearance, PageRequest page) {
        StringBuilder where = new StringBuilder(
                " FROM gcam_rec_record r WHERE (r.owner_agency = ? OR r.custodian_agency = ?) AND r.security_rank <= ?");
        List<Object> params = new ArrayList<>(List.of(agency, agency, clearance.ordinal()));
        String prefix = q.classificationPrefix();
        if (prefix != null) {
            where.append(" AND (r.classification_code = ? OR r.classification_code LIKE ? ESCAPE '!')");
            params.add(prefix);
            params.add(likeEscape(prefix) + ".%");
        }
        String keyword = q.keyword();
        if (keyword != null) {
            String like = "%" + likeEscape(keyword) + "%";
            where.append(" AND (EXISTS (SELECT 1 FROM gcam_rec_keyword k WHERE k.record_id = r.id AND k.keyword = ?)"
                    + " OR LOWER(r.title_en) LIKE ? ESCAPE '!' OR LOWER(r.title_zh) LIKE ? ESCAPE '!'"
                    + " OR LOWER(r.title_pt) LIKE ? ESCAPE '!' OR LOWER(r.reference) = ?)");
            params.addAll(List.of(keyword, like, like, like, keyword));
        }
        if (q.status() != null) {
            where.append(" AND r.status = ?");
            params.add(q.status().name());
        }
        if (q.kind() != null) {
            where.append(" AND r.kind = ?");
            params.add(q.kind().name());
        }
        if (q.caseReference() != null) {
            where.append(" AND r.case_reference = ?");
            params.add(q.caseReference());
        }
        if (q.dossierId() != null) {
            where.append(" AND r.dossier_id = ?");
            params.add(q.dossierId().value());
        }
        if (q.createdFrom() != null) {
            where.append(" AND r.created_at >= ?");
            params.add(time(q.createdFrom()));
        }
        if (q.createdBefore() != null) {
            where.append(" AND r.created_at < ?");
            params.add(time(q.createdBefore()));
        }
        Binder bind = s -> {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
        };
        long total = queryLong("SELECT COUNT(*)" + where, bind);
        if (total == 0) {
            return Page.empty(page);
        }
        String columns = "r." + RECORD_COLUMNS.replace(", ", ", r.");
        List<ManagedRecord> items = records("SELECT " + columns + where
                + " ORDER BY r.created_at DESC, r.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", s -> {
                    bind.bind(s);
                    s.setLong(params.size() + 1, page.offset());
                    s.setInt(params.size() + 2, page.size());
                });
        return Page.of(items, page, total);
    }

    @Override
    public List<ManagedRecord> dueForDisposal(String agency, String classificationCode, Instant closedUpTo, int limit) {
        return records("SELECT " + RECORD_COLUMNS + " FROM gcam_rec_record WHERE owner_agency = ? AND classification_code = ?"
                + " AND status = 'CLOSED' AND closed_at <= ? AND active_holds = 0 ORDER BY closed_at, id FETCH FIRST ? ROWS ONLY",
                s -> {
                    s.setString(1, agency);
                    s.setString(2, classificationCode);
                    s.setObject(3, time(closedUpTo));
                    s.setInt(4, limit);
                });
    }

    private List<ManagedRecord> records(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection()) {
            List<ManagedRecord> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        found.add(record(rows, List.of()));
                    }
                }
            }
            if (found.isEmpty()) {
                return found;
            }
            Map<String, List<String>> keywords = new HashMap<>();
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < found.size(); i++) {
                in.append(i == 0 ? "?" : ", ?");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT record_id, keyword FROM gcam_rec_keyword WHERE record_id IN (" + in + ")")) {
                for (int i = 0; i < found.size(); i++) {
                    s.setString(i + 1, found.get(i).id().value());
                }
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        keywords.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
                    }
                }
            }
            List<ManagedRecord> result = new ArrayList<>(found.size());
            for (ManagedRecord r : found) {
                List<String> k = keywords.getOrDefault(r.id().value(), List.of());
                result.add(new ManagedRecord(r.id(), r.reference(), r.kind(), r.dossierId(), r.title(),
                        r.classificationCode(), r.securityLevel(), r.owner(), r.custodian(), r.caseReference(), k,
                        r.status(), r.createdAt(), r.closedAt(), r.location(), r.barcode(), r.checkOut(),
                        r.pendingTransfer(), r.activeHolds(), r.latestVersion(), r.revision()));
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static ManagedRecord record(ResultSet rows, List<String> keywords) throws SQLException {
        String dossier = rows.getString("dossier_id");
        String holder = rows.getString("checked_out_by");
        String pending = rows.getString("pending_transfer_id");
        return new ManagedRecord(
                new RecordId(rows.getString("id")),
                rows.getString("reference"),
                RecordKind.valueOf(rows.getString("kind")),
                dossier == null ? null : new RecordId(dossier),
                LocalizedText.of(rows.getString("title_en"), rows.getString("title_zh"), rows.getString("title_pt")),
                rows.getString("classification_code"),
                SecurityLevel.valueOf(rows.getString("security_level")),
                new Custodian(rows.getString("owner_agency"), rows.getString("owner_department")),
                new Custodian(rows.getString("custodian_agency"), rows.getString("custodian_department")),
                rows.getString("case_reference"),
                keywords,
                RecordStatus.valueOf(rows.getString("status")),
                instant(rows, "created_at"),
                nullableInstant(rows, "closed_at"),
                rows.getString("location"),
                rows.getString("barcode"),
                holder == null ? null : new CheckOut(holder, instant(rows, "checked_out_at"), rows.getString("check_out_reason")),
                pending == null ? null : new TransferId(pending),
                rows.getInt("active_holds"),
                rows.getInt("latest_version"),
                rows.getLong("revision"));
    }

    // ------------------------------------------------------------------ versions

    @Override
    public void addVersion(ContentVersion v) {
        execute("INSERT INTO gcam_rec_version (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, v.recordId().value());
            s.setInt(2, v.number());
            s.setString(3, v.content().contentId());
            s.setString(4, v.content().sha256());
            s.setLong(5, v.size());
            s.setString(6, v.mediaType());
            s.setString(7, v.createdBy());
            s.setObject(8, time(v.createdAt()));
            s.setString(9, v.reason());
        }, "version " + v.number() + " of record " + v.recordId());
    }

    @Override
    public List<ContentVersion> versions(RecordId id) {
        return query("SELECT " + VERSION_COLUMNS + " FROM gcam_rec_version WHERE record_id = ? ORDER BY version_no",
                s -> s.setString(1, id.value()),
                rows -> new ContentVersion(new RecordId(rows.getString("record_id")), rows.getInt("version_no"),
                        new ContentRef(rows.getString("content_id"), rows.getString("sha256")), rows.getLong("size_bytes"),
                        rows.getString("media_type"), rows.getString("created_by"), instant(rows, "created_at"),
                        rows.getString("reason")));
    }

    // ------------------------------------------------------------------ custody

    @Override
    public AuditEntry appendCustody(RecordId id, Function<AuditHead, AuditEntry> nextEntry) {
        Objects.requireNonNull(nextEntry, "nextEntry");
        return inTransaction(c -> {
            // A no-op update takes the record row's lock until the transaction ends; the head read after
            // it is the newest committed one (READ COMMITTED).
            try (PreparedStatement lock = c.prepareStatement(
                    "UPDATE gcam_rec_record SET custody_seq = custody_seq WHERE id = ?")) {
                lock.setString(1, id.value());
                if (lock.executeUpdate() != 1) {
                    throw new NotFoundException("record", id);
                }
            }
            AuditHead head = readHead(c, id);
            AuditEntry entry = nextEntry.apply(head);
            if (entry.index() != head.index() + 1 || !entry.previousHash().equals(head.hash())) {
                throw new IllegalStateException("custody entry " + entry.index() + " does not follow the head "
                        + head.index());
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO gcam_rec_custody (" + CUSTODY_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id.value());
                s.setLong(2, entry.index());
                s.setString(3, entry.actor().subjectId());
                s.setString(4, entry.actor().kind().name());
                s.setString(5, entry.actor().agency());
                s.setString(6, entry.action());
                s.setObject(7, time(entry.at()));
                s.setString(8, entry.details());
                s.setString(9, entry.previousHash());
                s.setString(10, entry.hash());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE gcam_rec_record SET custody_seq = ?, custody_hash = ? WHERE id = ?")) {
                s.setLong(1, entry.index());
                s.setString(2, entry.hash());
                s.setString(3, id.value());
                s.executeUpdate();
            }
            return entry;
        }, "custody of record " + id);
    }

    @Override
    public AuditHead custodyHead(RecordId id) {
        try (Connection c = dataSource.getConnection()) {
            return readHead(c, id);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static AuditHead readHead(Connection c, RecordId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT custody_seq, custody_hash FROM gcam_rec_record WHERE id = ?")) {
            s.setString(1, id.value());
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? new AuditHead(row.getLong(1), row.getString(2)) : AuditHead.genesis();
            }
        }
    }

    @Override
    public List<AuditEntry> custody(RecordId id, long fromIndex, int limit) {
        return query("SELECT " + CUSTODY_COLUMNS + " FROM gcam_rec_custody WHERE record_id = ? AND seq >= ?"
                + " ORDER BY seq FETCH FIRST ? ROWS ONLY", s -> {
                    s.setString(1, id.value());
                    s.setLong(2, fromIndex);
                    s.setInt(3, limit);
                }, rows -> new AuditEntry(rows.getLong("seq"),
                        new AuditActor(rows.getString("actor_id"), Actor.Kind.valueOf(rows.getString("actor_kind")),
                                rows.getString("actor_agency")),
                        rows.getString("action"), "record", rows.getString("record_id"), instant(rows, "occurred_at"),
                        rows.getString("details"), rows.getString("previous_hash"), rows.getString("entry_hash")));
    }

    // ------------------------------------------------------------------ file plan

    @Override
    public void insertClassification(Classification cl) {
        String sql = "INSERT INTO gcam_rec_classification (agency, code, title_en, title_zh, title_pt, parent_code, keep_for,"
                + " disposal_action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, cl.agency());
            s.setString(2, cl.code());
            s.setString(3, cl.title().en());
            s.setString(4, cl.title().zhHant());
            s.setString(5, cl.title().pt());
            s.setString(6, cl.parentCode());
            RetentionRule rule = cl.retention();
            s.setString(7, rule == null ? null : rule.keepFor().toString());
            s.setString(8, rule == null ? null : rule.action().name());
            s.executeUpdate();
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new GcamException(RecordsErrorCode.CLASSIFICATION_EXISTS, cl.code());
            }
            throw failure(e);
        }
    }

    @Override
    public Optional<Classification> classification(String agency, String code) {
        return first(classifications("SELECT * FROM gcam_rec_classification WHERE agency = ? AND code = ?", s -> {
            s.setString(1, agency);
            s.setString(2, code);
        }));
    }

    @Override
    public List<Classification> filePlan(String agency) {
        return classifications("SELECT * FROM gcam_rec_classification WHERE agency = ? ORDER BY code",
                s -> s.setString(1, agency));
    }

    private List<Classification> classifications(String sql, Binder binder) {
        return query(sql, binder, rows -> {
            String keep = rows.getString("keep_for");
            RetentionRule rule = keep == null ? null
                    : new RetentionRule(Period.parse(keep), DisposalAction.valueOf(rows.getString("disposal_action")));
            return new Classification(rows.getString("agency"), rows.getString("code"),
                    LocalizedText.of(rows.getString("title_en"), rows.getString("title_zh"), rows.getString("title_pt")),
                    rows.getString("parent_code"), rule);
        });
    }

    // ------------------------------------------------------------------ transfers

    @Override
    public void insertTransfer(Transfer t) {
        execute("INSERT INTO gcam_rec_transfer (" + TRANSFER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, t.id().value());
            s.setString(2, t.recordId().value());
            s.setString(3, t.from().agency());
            s.setString(4, t.from().department());
            s.setString(5, t.to().agency());
            s.setString(6, t.to().department());
            s.setString(7, t.note());
            s.setString(8, t.sentBy());
            s.setObject(9, time(t.sentAt()));
            s.setString(10, t.status().name());
            s.setString(11, t.acknowledgedBy());
            s.setObject(12, time(t.acknowledgedAt()));
        }, "transfer " + t.id());
    }

    @Override
    public Optional<Transfer> findTransfer(TransferId id) {
        return first(transfers("SELECT " + TRANSFER_COLUMNS + " FROM gcam_rec_transfer WHERE id = ?",
                s -> s.setString(1, id.value())));
    }

    @Override
    public boolean acknowledgeTransfer(Transfer t) {
        return execute("UPDATE gcam_rec_transfer SET status = ?, acknowledged_by = ?, acknowledged_at = ?"
                + " WHERE id = ? AND status = 'PENDING'", s -> {
                    s.setString(1, t.status().name());
                    s.setString(2, t.acknowledgedBy());
                    s.setObject(3, time(t.acknowledgedAt()));
                    s.setString(4, t.id().value());
                }) == 1;
    }

    @Override
    public List<Transfer> pendingTransfersTo(String agency, int limit) {
        return transfers("SELECT " + TRANSFER_COLUMNS + " FROM gcam_rec_transfer WHERE to_agency = ? AND status = 'PENDING'"
                + " ORDER BY sent_at, id FETCH FIRST ? ROWS ONLY", s -> {
                    s.setString(1, agency);
                    s.setInt(2, limit);
                });
    }

    @Override
    public List<Transfer> transfersOf(RecordId id) {
        return transfers("SELECT " + TRANSFER_COLUMNS + " FROM gcam_rec_transfer WHERE record_id = ? ORDER BY sent_at, id",
                s -> s.setString(1, id.value()));
    }

    private List<Transfer> transfers(String sql, Binder binder) {
        return query(sql, binder, rows -> new Transfer(new TransferId(rows.getString("id")),
                new RecordId(rows.getString("record_id")),
                new Custodian(rows.getString("from_agency"), rows.getString("from_department")),
                new Custodian(rows.getString("to_agency"), rows.getString("to_department")),
                rows.getString("note"), rows.getString("sent_by"), instant(rows, "sent_at"),
                TransferStatus.valueOf(rows.getString("status")), rows.getString("acknowledged_by"),
                nullableInstant(rows, "acknowledged_at")));
    }

    // ------------------------------------------------------------------ legal holds

    @Override
    public void insertHold(LegalHold h) {
        execute("INSERT INTO gcam_rec_legal_hold (" + HOLD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, h.id().value());
            s.setString(2, h.recordId().value());
            s.setString(3, h.reason());
            s.setString(4, h.placedBy());
            s.setObject(5, time(h.placedAt()));
            s.setString(6, h.releasedBy());
            s.setObject(7, time(h.releasedAt()));
        }, "legal hold " + h.id());
    }

    @Override
    public Optional<LegalHold> findHold(LegalHoldId id) {
        return first(holds("SELECT " + HOLD_COLUMNS + " FROM gcam_rec_legal_hold WHERE id = ?", s -> s.setString(1, id.value())));
    }

    @Override
    public boolean releaseHold(LegalHold h) {
        return execute("UPDATE gcam_rec_legal_hold SET released_by = ?, released_at = ? WHERE id = ? AND released_at IS NULL",
                s -> {
                    s.setString(1, h.releasedBy());
                    s.setObject(2, time(h.releasedAt()));
                    s.setString(3, h.id().value());
                }) == 1;
    }

    @Override
    public List<LegalHold> holds(RecordId id) {
        return holds("SELECT " + HOLD_COLUMNS + " FROM gcam_rec_legal_hold WHERE record_id = ? ORDER BY placed_at, id",
                s -> s.setString(1, id.value()));
    }

    private List<LegalHold> holds(String sql, Binder binder) {
        return query(sql, binder, rows -> new LegalHold(new LegalHoldId(rows.getString("id")),
                new RecordId(rows.getString("record_id")), rows.getString("reason"), rows.getString("placed_by"),
                instant(rows, "placed_at"), rows.getString("released_by"), nullableInstant(rows, "released_at")));
    }

    // ------------------------------------------------------------------ disposal

    @Override
    public void insertRun(DisposalRun run) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO gcam_rec_disposal_run (id, agency, status, prepared_by,"
                    + " prepared_at, approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, run.id().value());
                s.setString(2, run.agency());
                s.setString(3, run.status().name());
                s.setString(4, run.preparedBy());
                s.setObject(5, time(run.preparedAt()));
                s.setString(6, run.approvedBy());
                s.setObject(7, time(run.approvedAt()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO gcam_rec_disposal_item (run_id, position, record_id,"
                    + " reference, classification_code, keep_for, disposal_action, closed_at, revision, outcome)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int position = 0;
                for (DisposalItem item : run.items()) {
                    s.setString(1, run.id().value());
                    s.setInt(2, position++);
                    s.setString(3, item.recordId().value());
                    s.setString(4, item.reference());
                    s.setString(5, item.classificationCode());
                    s.setString(6, item.rule().keepFor().toString());
                    s.setString(7, item.rule().action().name());
                    s.setObject(8, time(item.closedAt()));
                    s.setLong(9, item.revision());
                    s.setString(10, item.outcome() == null ? null : item.outcome().name());
                    s.addBatch();
                }
                if (!run.items().isEmpty()) {
                    s.executeBatch();
                }
            }
            return null;
        }, "disposal run " + run.id());
    }

    @Override
    public Optional<DisposalRun> findRun(DisposalRunId id) {
        List<DisposalItem> items = query("SELECT * FROM gcam_rec_disposal_item WHERE run_id = ? ORDER BY position",
                s -> s.setString(1, id.value()), rows -> {
                    String outcome = rows.getString("outcome");
                    return new DisposalItem(new RecordId(rows.getString("record_id")), rows.getString("reference"),
                            rows.getString("classification_code"),
                            new RetentionRule(Period.parse(rows.getString("keep_for")),
                                    DisposalAction.valueOf(rows.getString("disposal_action"))),
                            instant(rows, "closed_at"), rows.getLong("revision"),
                            outcome == null ? null : DisposalOutcome.valueOf(outcome));
                });
        return first(query("SELECT * FROM gcam_rec_disposal_run WHERE id = ?", s -> s.setString(1, id.value()),
                rows -> new DisposalRun(id, rows.getString("agency"), DisposalRunStatus.valueOf(rows.getString("status")),
                        rows.getString("prepared_by"), instant(rows, "prepared_at"), rows.getString("approved_by"),
                        nullableInstant(rows, "approved_at"), items)));
    }

    @Override
    public boolean completeRun(DisposalRun run) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE gcam_rec_disposal_run SET status = ?, approved_by = ?,"
                    + " approved_at = ? WHERE id = ? AND status = 'PENDING_APPROVAL'")) {
                s.setString(1, run.status().name());
                s.setString(2, run.approvedBy());
                s.setObject(3, time(run.approvedAt()));
                s.setString(4, run.id().value());
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE gcam_rec_disposal_item SET outcome = ? WHERE run_id = ? AND position = ?")) {
                int position = 0;
                for (DisposalItem item : run.items()) {
                    s.setString(1, item.outcome() == null ? null : item.outcome().name());
                    s.setString(2, run.id().value());
                    s.setInt(3, position++);
                    s.addBatch();
                }
                if (!run.items().isEmpty()) {
                    s.executeBatch();
                }
            }
            return true;
        }, "disposal run " + run.id());
    }

    @Override
    public void insertCertificate(DisposalCertificate d) {
        execute("INSERT INTO gcam_rec_disposal_certificate (" + CERTIFICATE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                    s.setString(1, d.runId().value());
                    s.setString(2, d.recordId().value());
                    s.setString(3, d.reference());
                    s.setString(4, d.title().en());
                    s.setString(5, d.title().zhHant());
                    s.setString(6, d.title().pt());
                    s.setString(7, d.agency());
                    s.setString(8, d.classificationCode());
                    s.setString(9, d.rule().keepFor().toString());
                    s.setString(10, d.rule().action().name());
                    s.setString(11, d.outcome().name());
                    s.setString(12, d.preparedBy());
                    s.setString(13, d.approvedBy());
                    s.setObject(14, time(d.disposedAt()));
                    s.setLong(15, d.custodyHead().index());
                    s.setString(16, d.custodyHead().hash());
                }, "certificate of record " + d.recordId());
    }

    @Override
    public Page<DisposalCertificate> certificates(String agency, PageRequest page) {
        long total = queryLong("SELECT COUNT(*) FROM gcam_rec_disposal_certificate WHERE agency = ?", s -> s.setString(1, agency));
        if (total == 0) {
            return Page.empty(page);
        }
        List<DisposalCertificate> items = query("SELECT " + CERTIFICATE_COLUMNS + " FROM gcam_rec_disposal_certificate"
                + " WHERE agency = ? ORDER BY disposed_at DESC, record_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", s -> {
                    s.setString(1, agency);
                    s.setLong(2, page.offset());
                    s.setInt(3, page.size());
                }, rows -> new DisposalCertificate(new DisposalRunId(rows.getString("run_id")),
                        new RecordId(rows.getString("record_id")), rows.getString("reference"),
                        LocalizedText.of(rows.getString("title_en"), rows.getString("title_zh"), rows.getString("title_pt")),
                        rows.getString("agency"), rows.getString("classification_code"),
                        new RetentionRule(Period.parse(rows.getString("keep_for")),
                                DisposalAction.valueOf(rows.getString("disposal_action"))),
                        DisposalOutcome.valueOf(rows.getString("outcome")), rows.getString("prepared_by"),
                        rows.getString("approved_by"), instant(rows, "disposed_at"),
                        new AuditHead(rows.getLong("custody_seq"), rows.getString("custody_hash"))));
        return Page.of(items, page, total);
    }

    // ------------------------------------------------------------------ JDBC plumbing

    private <T> T inTransaction(Work<T> work, String what) {
        try (Connection c = dataSource.getConnection()) {
            boolean own = c.getAutoCommit();
            if (own) {
                c.setAutoCommit(false);
            }
            try {
                T result = work.run(c);
                if (own) {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                if (own) {
                    try {
                        c.rollback();
                    } catch (SQLException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            } finally {
                if (own) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new ConflictException(what);
            }
            throw failure(e);
        }
    }

    private int execute(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void execute(String sql, Binder binder, String what) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new ConflictException(what);
            }
            throw failure(e);
        }
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rows = s.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private long queryLong(String sql, Binder binder) {
        return query(sql, binder, rows -> rows.getLong(1)).get(0);
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private static String likeEscape(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static GcamException failure(SQLException e) {
        return new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
