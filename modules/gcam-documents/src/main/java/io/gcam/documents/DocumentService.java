package io.gcam.documents;

import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.IdGenerator;
import io.gcam.core.NotFoundException;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import io.gcam.documents.internal.ContentInspector;
import io.gcam.documents.internal.JpegMetadataStripper;
import io.gcam.documents.spi.BlobStore;
import io.gcam.documents.spi.DocumentStore;
import io.gcam.documents.spi.MalwareScanner;
import io.gcam.documents.spi.ScanResult;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects, checks, stores and serves the documents of applications.
 *
 * <p>An upload is streamed once into a private staging file while its size is limited and its
 * SHA-256 computed; it is then identified from its bytes only, checked against the requirement,
 * scanned for malware, and only then stored: first the blob, then the metadata, audit entry and
 * {@code document.submitted} event in one transaction. A refused or failed upload leaves no blob and
 * no metadata. Reading and deleting are allowed to the applicant who owns the document and to staff
 * of the owning agency, and every read and delete is written to the audit trail.
 *
 * <pre>{@code
 * DocumentService documents = DocumentService.builder()
 *         .checklists(checklist)
 *         .blobs(FileSystemBlobStore.at(dir))
 *         .store(JdbcDocumentStore.create(tx.dataSource()))
 *         .audit(audit).events(events).transactions(tx)
 *         .build();
 * }</pre>
 */
public final class DocumentService {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
    private static final String AGGREGATE = "document";
    private static final int BUFFER = 64 * 1024;

    private final Map<String, DocumentChecklist> checklists;
    private final BlobStore blobs;
    private final DocumentStore store;
    private final MalwareScanner scanner;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final @Nullable Path staging;
    private final ContentInspector inspector = new ContentInspector();

    private DocumentService(Builder b) {
        this.checklists = Map.copyOf(b.checklists);
        this.blobs = Objects.requireNonNull(b.blobs, "blobs");
        this.store = Objects.requireNonNull(b.store, "store");
        this.scanner = b.scanner;
        this.audit = Objects.requireNonNull(b.audit, "audit");
        this.events = Objects.requireNonNull(b.events, "events");
        this.transactions = Objects.requireNonNull(b.transactions, "transactions");
        this.clock = b.clock;
        this.ids = IdGenerator.create(b.clock);
        this.staging = b.staging;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param applicationType an application type
     * @return its checklist
     * @throws GcamException {@code APPLICATION_TYPE_UNKNOWN} when none is registered
     */
    public DocumentChecklist checklist(String applicationType) {
        DocumentChecklist checklist = checklists.get(applicationType);
        if (checklist == null) {
            throw new GcamException(DocumentErrorCode.APPLICATION_TYPE_UNKNOWN, applicationType);
        }
        return checklist;
    }

    /**
     * Tells which required documents the owner still lacks.
     *
     * @param actor the owner or staff of the owning agency
     * @param owner the owner
     * @return the completeness of the owner's documents against the checklist
     */
    public Completeness completeness(Actor actor, OwnerRef owner) {
        actor.requireOwnerOrStaffOf(owner.applicantId(), owner.agency(), "documents.completeness");
        return checklist(owner.applicationType()).check(store.listByOwner(owner));
    }

    /**
     * Accepts an upload. The stream is read to its end (or until the size limit is passed) and
     * not closed. The decision uses the content only: {@code declaredFileName} is kept as sanitized
     * metadata and must not contradict the content.
     *
     * @param actor the applicant who owns the document, or staff of the owning agency
     * @param owner what the document belongs to
     * @param documentType a document type of the owner's checklist
     * @param declaredFileName the file name as uploaded
     * @param content the content
     * @return the stored document, or the owner's existing document of the same type with the same
     *     content (SHA-256), flagged as a duplicate
     * @throws DocumentRejectedException when the upload is refused; nothing is stored
     * @throws io.gcam.core.AccessDeniedException when the actor may not add documents for the owner
     */
    public Submission submit(Actor actor, OwnerRef owner, String documentType, @Nullable String declaredFileName,
            InputStream content) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(content, "content");
        actor.requireOwnerOrStaffOf(owner.applicantId(), owner.agency(), "documents.submit");
        DocumentRequirement requirement = checklist(owner.applicationType()).requirement(documentType)
                .orElseThrow(() -> new DocumentRejectedException(DocumentErrorCode.DOCUMENT_TYPE_UNKNOWN, documentType,
                        owner.applicationType()));
        String fileName = FileNames.sanitize(declaredFileName);
        Path staged = null;
        Path stripped = null;
        try {
            staged = createStagingFile();
            Staged upload = stage(content, staged, requirement.maxBytes());
            if (upload.size == 0) {
                throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_EMPTY);
            }
            String mediaType = inspector.detect(staged);
            inspector.check(staged, mediaType, fileName, requirement);
            Path accepted = staged;
            Staged result = upload;
            if (requirement.stripImageMetadata() && mediaType.equals(DocumentRequirement.JPEG)) {
                stripped = createStagingFile();
                result = stripJpeg(staged, stripped);
                accepted = stripped;
            }
            scan(accepted, result.size);
            var existing = store.findByContent(owner, documentType, result.sha256);
            if (existing.isPresent()) {
                LOG.debug("duplicate upload recognised as document {}", existing.get().id());
                return new Submission(existing.get(), true);
            }
            // An early refusal that spares writing the blob; the store enforces the limit atomically.
            long present = store.listByOwner(owner).stream().filter(d -> d.type().equals(documentType)).count();
            if (present >= requirement.maxCount()) {
                return duplicateOrTooMany(owner, documentType, result.sha256, requirement);
            }
            return persist(actor, owner, requirement, mediaType, fileName, accepted, result);
        } catch (IOException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e);
        } catch (UncheckedIOException e) {
            throw new GcamException(CoreErrorCode.STORAGE_FAILURE, e.getCause());
        } finally {
            deleteQuietly(staged);
            deleteQuietly(stripped);
        }
    }

    private Submission persist(Actor actor, OwnerRef owner, DocumentRequirement requirement, String mediaType,
            String fileName, Path accepted, Staged result) throws IOException {
        String id = ids.next();
        String blobKey = ids.next();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant retainUntil = now.atOffset(ZoneOffset.UTC).plus(requirement.retention()).toInstant();
        Document document = new Document(id, owner, requirement.type(), mediaType, result.size, result.sha256,
                fileName, blobKey, now, retainUntil);
        blobs.putFile(blobKey, accepted);
        try {
            transactions.inTransaction(() -> {
                store.insert(document, requirement.maxCount());
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("type", document.type());
                details.put("mediaType", mediaType);
                details.put("size", document.size());
                details.put("sha256", document.sha256());
                audit.append(actor, "document.submitted", AGGREGATE, id, details);
                events.publish(event("document.submitted", document)
                        .payload("type", document.type()).payload("sha256", document.sha256()).build());
            });
        } catch (RuntimeException e) {
            try {
                blobs.delete(blobKey);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof GcamException g && g.errorCode() == CoreErrorCode.CONFLICT) {
                // A concurrent upload of the same content by the same owner won the race.
                var winner = store.findByContent(owner, requirement.type(), result.sha256);
                if (winner.isPresent()) {
                    return new Submission(winner.get(), true);
                }
            }
            if (e instanceof DocumentRejectedException r && r.errorCode() == DocumentErrorCode.DOCUMENT_TOO_MANY) {
                return duplicateOrTooMany(owner, requirement.type(), result.sha256, requirement);
            }
            throw e;
        }
        return new Submission(document, false);
    }

    /**
     * For an owner who has the most documents of a type: the existing document when one of them has
     * this content (a concurrent upload of the same content that committed first is the same
     * document, not one too many), else the refusal.
     */
    private Submission duplicateOrTooMany(OwnerRef owner, String type, String sha256, DocumentRequirement requirement) {
        var committed = store.findByContent(owner, type, sha256);
        if (committed.isPresent()) {
            return new Submission(committed.get(), true);
        }
        throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_TOO_MANY, requirement.maxCount(), type);
    }

    /**
     * @param actor the owner or staff of the owning agency
     * @param id a document id
     * @return the document's metadata; the read is audited
     * @throws NotFoundException when there is no such document
     * @throws io.gcam.core.AccessDeniedException when the actor may not read it
     */
    public Document get(Actor actor, String id) {
        Document document = authorized(actor, id, "documents.read");
        audit.append(actor, "document.metadata.read", AGGREGATE, id, null);
        return document;
    }

    /**
     * Opens a document's content; the read is audited before the stream is returned.
     *
     * @param actor the owner or staff of the owning agency
     * @param id a document id
     * @return the metadata, the content stream (close it) and a {@code Content-Disposition} value
     * @throws NotFoundException when there is no such document or its content is missing
     * @throws io.gcam.core.AccessDeniedException when the actor may not read it
     */
    public DocumentContent open(Actor actor, String id) {
        Document document = authorized(actor, id, "documents.read");
        InputStream content = blobs.get(document.blobKey()).orElseThrow(() -> new NotFoundException("document content", id));
        try {
            audit.append(actor, "document.content.read", AGGREGATE, id, Map.of("sha256", document.sha256()));
        } catch (RuntimeException e) {
            closeQuietly(content);
            throw e;
        }
        return new DocumentContent(document, content, FileNames.contentDisposition(document.fileName()));
    }

    /**
     * Deletes a document's metadata and content; audited, publishes {@code document.deleted}.
     *
     * @param actor the owner or staff of the owning agency
     * @param id a document id
     * @throws NotFoundException when there is no such document
     */
    public void delete(Actor actor, String id) {
        Document document = authorized(actor, id, "documents.delete");
        remove(actor, document, "document.deleted");
    }

    /**
     * Deletes documents whose retention date has passed, metadata and content together.
     *
     * @param actor a system actor or staff; each deletion is audited as {@code document.purged}
     * @param limit most documents to purge in this call
     * @return how many documents were purged
     */
    public int purgeExpired(Actor actor, int limit) {
        if (!actor.isSystem()) {
            throw new AccessDeniedException("documents.purge");
        }
        int purged = 0;
        for (Document document : store.findExpired(clock.instant(), limit)) {
            remove(actor, document, "document.purged");
            purged++;
        }
        return purged;
    }

    private void remove(Actor actor, Document document, String action) {
        transactions.inTransaction(() -> {
            if (store.delete(document.id())) {
                audit.append(actor, action, AGGREGATE, document.id(), Map.of("sha256", document.sha256()));
                events.publish(event(action, document).build());
            }
            // Inside the transaction: when the blob cannot be deleted the metadata stays, and a later
            // call retries; a blob is never left without its metadata row being gone too.
            blobs.delete(document.blobKey());
        });
    }

    private Document authorized(Actor actor, String id, String operation) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        Document document = store.find(id).orElseThrow(() -> new NotFoundException("document", id));
        if (!actor.isOwnerOrStaffOf(document.owner().applicantId(), document.owner().agency())) {
            throw new AccessDeniedException(operation);
        }
        return document;
    }

    private DomainEvent.Builder event(String type, Document document) {
        return DomainEvent.builder(type).id(ids.next()).occurredAt(clock.instant())
                .aggregate(AGGREGATE, document.id()).agency(document.owner().agency())
                .payload("reference", document.owner().reference());
    }

    private void scan(Path accepted, long size) throws IOException {
        ScanResult result;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(accepted), BUFFER)) {
            result = scanner.scan(in, size);
        } catch (GcamException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GcamException(DocumentErrorCode.DOCUMENT_SCAN_FAILED, e);
        }
        if (result.infected()) {
            LOG.warn("upload refused: malware signature {}", result.signature());
            throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_MALWARE_FOUND);
        }
    }

    private Path createStagingFile() throws IOException {
        return staging != null ? Files.createTempFile(staging, "gcam-upload-", ".tmp")
                : Files.createTempFile("gcam-upload-", ".tmp");
    }

    private record Staged(long size, String sha256) {
    }

    private static Staged stage(InputStream content, Path staged, long maxBytes) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(staged)) {
            int n;
            while ((n = content.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_TOO_LARGE, maxBytes);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return new Staged(total, HexFormat.of().formatHex(digest.digest()));
    }

    private static Staged stripJpeg(Path from, Path to) throws IOException {
        MessageDigest digest = sha256();
        boolean ok;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(from), BUFFER);
                OutputStream out = new java.io.BufferedOutputStream(
                        new DigestOutputStream(Files.newOutputStream(to), digest), BUFFER)) {
            ok = JpegMetadataStripper.strip(in, out);
        }
        if (!ok) {
            throw new DocumentRejectedException(DocumentErrorCode.DOCUMENT_IMAGE_MALFORMED);
        }
        return new Staged(Files.size(to), HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(@Nullable Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("could not delete staging file {}", path.getFileName(), e);
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing content stream failed", e);
        }
    }

    /** Builds a {@link DocumentService}. */
    public static final class Builder {
        private final Map<String, DocumentChecklist> checklists = new LinkedHashMap<>();
        private @Nullable BlobStore blobs;
        private @Nullable DocumentStore store;
        private MalwareScanner scanner = MalwareScanner.NONE;
        private @Nullable AuditTrail audit;
        private @Nullable EventPublisher events;
        private @Nullable TransactionRunner transactions;
        private Clock clock = Clock.systemUTC();
        private @Nullable Path staging;

        private Builder() {
        }

        /**
         * @param lists checklists, one per application type (a later one replaces an earlier one)
         * @return this builder
         */
        public Builder checklists(DocumentChecklist... lists) {
            for (DocumentChecklist list : lists) {
                checklists.put(list.applicationType(), list);
            }
            return this;
        }

        /**
         * @param blobs where content is stored (required)
         * @return this builder
         */
        public Builder blobs(BlobStore blobs) {
            this.blobs = blobs;
            return this;
        }

        /**
         * @param store where metadata is stored (required)
         * @return this builder
         */
        public Builder store(DocumentStore store) {
            this.store = store;
            return this;
        }

        /**
         * @param scanner the malware scanner; default {@link MalwareScanner#NONE}
         * @return this builder
         */
        public Builder scanner(MalwareScanner scanner) {
            this.scanner = Objects.requireNonNull(scanner, "scanner");
            return this;
        }

        /**
         * @param audit the audit trail (required)
         * @return this builder
         */
        public Builder audit(AuditTrail audit) {
            this.audit = audit;
            return this;
        }

        /**
         * @param events where domain events go (required)
         * @return this builder
         */
        public Builder events(EventPublisher events) {
            this.events = events;
            return this;
        }

        /**
         * @param transactions the transaction runner the store joins (required)
         * @return this builder
         */
        public Builder transactions(TransactionRunner transactions) {
            this.transactions = transactions;
            return this;
        }

        /**
         * @param clock the clock; default UTC system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param directory where uploads are staged while checked (default: the system temporary
         *     directory); use a private directory on a disk with room for the largest upload. On
         *     the same file system as a {@link FileSystemBlobStore}'s root, accepted uploads are
         *     renamed into the store instead of copied
         * @return this builder
         */
        public Builder stagingDirectory(Path directory) {
            this.staging = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @return the service
         * @throws NullPointerException when a required part is missing
         */
        public DocumentService build() {
            return new DocumentService(this);
        }
    }
}
