package io.gcam.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AuditEntry;
import io.gcam.core.AuditTrail;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.jdbc.JdbcDocumentStore;
import io.gcam.documents.spi.ScanResult;
import io.gcam.testsupport.db.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentIntakeTest {

    static final DocumentChecklist RECRUITMENT = DocumentChecklist.of("recruitment",
            DocumentRequirement.builder("id-card")
                    .name(LocalizedText.of("Identity card", "身份證", "Bilhete de identidade"))
                    .allow(DocumentRequirement.PDF, DocumentRequirement.JPEG, DocumentRequirement.PNG)
                    .maxPixels(1_000_000).build(),
            DocumentRequirement.builder("diploma").allow(DocumentRequirement.PDF).build(),
            DocumentRequirement.builder("photo").allow(DocumentRequirement.JPEG, DocumentRequirement.PNG)
                    .stripImageMetadata(true).build(),
            DocumentRequirement.builder("cv").allow(DocumentRequirement.PDF, DocumentRequirement.DOCX).count(1, 3).build(),
            DocumentRequirement.builder("portfolio").optional().allowArchives(new ArchiveLimits(5, 1000, 1))
                    .maxBytes(1 << 20).build(),
            DocumentRequirement.builder("letter").optional().allow(DocumentRequirement.PDF).rejectEncryptedPdf(false)
                    .maxBytes(1024).retention(Period.ofDays(30)).build());

    static final OwnerRef OWNER = new OwnerRef("SAFP", "recruitment", "REC-2026-000001", "applicant-1");
    static final Actor APPLICANT = Actor.applicant("applicant-1");

    @TempDir
    Path dir;

    HikariDataSource pool;
    LocalTransactions tx;
    DocumentService service;
    JdbcDocumentStore store;
    FileSystemBlobStore blobs;
    AuditTrail audit;
    List<DomainEvent> events = new ArrayList<>();
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    Path staging;
    Path blobRoot;

    @BeforeEach
    void setUp() throws IOException {
        pool = TestDatabases.h2().newPool(5);
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "documents");
        tx = LocalTransactions.over(pool);
        store = JdbcDocumentStore.create(tx.dataSource());
        staging = Files.createDirectories(dir.resolve("staging"));
        blobRoot = dir.resolve("blobs");
        blobs = FileSystemBlobStore.at(blobRoot);
        audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        service = builder(tx).build();
    }

    DocumentService.Builder builder(LocalTransactions tx) {
        return DocumentService.builder().checklists(RECRUITMENT).blobs(blobs).store(store).audit(audit)
                .events(events::add).transactions(tx).clock(clock).stagingDirectory(staging);
    }

    @AfterEach
    void tearDown() {
        pool.close();
    }

    Submission submit(String type, String name, byte[] content) {
        return service.submit(APPLICANT, OWNER, type, name, new ByteArrayInputStream(content));
    }

    static Stream<Arguments> genuine() {
        return Stream.of(
                Arguments.of("diploma", "diploma.pdf", Corpus.pdf(), "application/pdf"),
                Arguments.of("id-card", "id.png", Corpus.png(40, 30), "image/png"),
                Arguments.of("id-card", "id.jpg", Corpus.jpeg(40, 30), "image/jpeg"),
                Arguments.of("photo", "me.jpeg", Corpus.jpeg(20, 20), "image/jpeg"),
                Arguments.of("cv", "cv.docx", Corpus.docx(), DocumentRequirement.DOCX),
                Arguments.of("cv", "cv without extension", Corpus.pdf(), "application/pdf"),
                Arguments.of("portfolio", "work.zip", Corpus.plainZip(), "application/zip"));
    }

    @ParameterizedTest(name = "{1} as {0}")
    @MethodSource("genuine")
    void acceptsGenuineFiles(String type, String name, byte[] content, String mediaType) throws Exception {
        Submission submission = submit(type, name, content);

        Document d = submission.document();
        assertThat(submission.duplicate()).isFalse();
        assertThat(d.mediaType()).isEqualTo(mediaType);
        assertThat(d.fileName()).isEqualTo(name);
        assertThat(d.blobKey()).isNotEqualTo(name).matches("[0-9a-f-]{36}");
        try (InputStream in = blobs.get(d.blobKey()).orElseThrow()) {
            byte[] stored = in.readAllBytes();
            assertThat(d.size()).isEqualTo(stored.length);
            assertThat(d.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
        }
        assertThat(store.find(d.id())).contains(d);
        assertThat(events).extracting(DomainEvent::type).containsExactly("document.submitted");
        assertThat(audit.entriesFor("document", d.id(), 0, 10)).extracting(AuditEntry::action)
                .containsExactly("document.submitted");
        assertThat(staging).isEmptyDirectory();
    }

    static Stream<Arguments> spoofs() {
        return Stream.of(
                Arguments.of("diploma", "diploma.pdf", Corpus.html(), "DOCUMENT_CONTENT_MISMATCH"),
                Arguments.of("cv", "cv.docx", Corpus.plainZip(), "DOCUMENT_CONTENT_MISMATCH"),
                Arguments.of("photo", "photo.jpg", Corpus.windowsExecutable(), "DOCUMENT_CONTENT_MISMATCH"),
                Arguments.of("diploma", "diploma.pdf", Corpus.randomBytes(), "DOCUMENT_CONTENT_MISMATCH"),
                Arguments.of("diploma", "diploma", Corpus.html(), "DOCUMENT_MEDIA_TYPE_NOT_ALLOWED"),
                Arguments.of("photo", "photo", Corpus.windowsExecutable(), "DOCUMENT_MEDIA_TYPE_NOT_ALLOWED"),
                Arguments.of("diploma", "diploma.docx", Corpus.docx(), "DOCUMENT_MEDIA_TYPE_NOT_ALLOWED"),
                Arguments.of("cv", "cv.zip", Corpus.plainZip(), "DOCUMENT_ARCHIVE_NOT_ALLOWED"),
                Arguments.of("diploma", "diploma.pdf", Corpus.encryptedPdf(), "DOCUMENT_PDF_ENCRYPTED"),
                Arguments.of("diploma", "diploma.pdf", Corpus.truncatedPdf(), "DOCUMENT_PDF_MALFORMED"),
                Arguments.of("id-card", "id.png", Corpus.pixelFloodPng(), "DOCUMENT_IMAGE_TOO_LARGE"),
                Arguments.of("id-card", "id.png", Corpus.png(2000, 1000), "DOCUMENT_IMAGE_TOO_LARGE"),
                Arguments.of("portfolio", "w.zip", Corpus.zip(new String[][] {{"../../etc/cron.d/x", "a"}}),
                        "DOCUMENT_ARCHIVE_UNSAFE_ENTRY"),
                Arguments.of("portfolio", "w.zip", Corpus.zip(new String[][] {{"/etc/passwd", "a"}}),
                        "DOCUMENT_ARCHIVE_UNSAFE_ENTRY"),
                Arguments.of("portfolio", "w.zip", Corpus.zip(new String[][] {{"a", "1"}, {"b", "2"}, {"c", "3"},
                    {"d", "4"}, {"e", "5"}, {"f", "6"}}), "DOCUMENT_ARCHIVE_TOO_MANY_ENTRIES"),
                Arguments.of("portfolio", "w.zip", Corpus.zipOf("zeros.txt", new byte[100_000]),
                        "DOCUMENT_ARCHIVE_TOO_LARGE"),
                Arguments.of("portfolio", "w.zip", Corpus.zipOf("inner.zip", Corpus.zipOf("deeper.zip",
                        Corpus.zipOf("x.txt", new byte[1]))), "DOCUMENT_ARCHIVE_TOO_DEEP"),
                Arguments.of("letter", "big.pdf", Corpus.pdf().length > 1024 ? Corpus.pdf() : new byte[2048],
                        "DOCUMENT_TOO_LARGE"),
                Arguments.of("diploma", "empty.pdf", new byte[0], "DOCUMENT_EMPTY"));
    }

    @ParameterizedTest(name = "{3}: {1} as {0}")
    @MethodSource("spoofs")
    void rejectsSpoofsAndStoresNothing(String type, String name, byte[] content, String code) throws IOException {
        assertThatThrownBy(() -> submit(type, name, content))
                .isInstanceOf(DocumentRejectedException.class)
                .extracting(e -> ((GcamException) e).code()).isEqualTo(code);

        assertThat(store.listByOwner(OWNER)).isEmpty();
        assertThat(events).isEmpty();
        assertThat(staging).isEmptyDirectory();
        try (Stream<Path> files = Files.walk(blobRoot)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void acceptsEncryptedPdfWhenTheRequirementAllowsIt() {
        assertThat(submit("letter", "letter.pdf", Corpus.encryptedPdf()).document().mediaType())
                .isEqualTo("application/pdf");
    }

    @Test
    void stopsReadingOnceTheSizeLimitIsPassedWhateverTheDeclaredLength() {
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'a');
                read[0] += len;
                return len;
            }
        };

        assertThatThrownBy(() -> service.submit(APPLICANT, OWNER, "letter", "letter.pdf", endless))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("DOCUMENT_TOO_LARGE");
        assertThat(read[0]).isLessThanOrEqualTo(1024 + 64 * 1024);
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void stripsExifAndGpsFromJpegWhenConfiguredAndHashesTheStoredBytes() throws Exception {
        byte[] withExif = Corpus.jpegWithExif();
        assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");

        Document photo = submit("photo", "me.jpg", withExif).document();
        Document idCard = submit("id-card", "id.jpg", withExif).document();

        byte[] stored;
        try (InputStream in = blobs.get(photo.blobKey()).orElseThrow()) {
            stored = in.readAllBytes();
        }
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude").doesNotContain("Exif");
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(16);
        assertThat(photo.size()).isEqualTo(stored.length);
        assertThat(photo.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
        try (InputStream in = blobs.get(idCard.blobKey()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(withExif);
        }
    }

    @Test
    void recognisesTheSameContentFromTheSameOwnerAsADuplicate() {
        Document first = submit("diploma", "a.pdf", Corpus.pdf()).document();

        Submission again = submit("diploma", "b.pdf", Corpus.pdf());

        assertThat(again.duplicate()).isTrue();
        assertThat(again.document()).isEqualTo(first);
        assertThat(store.listByOwner(OWNER)).hasSize(1);
        OwnerRef other = new OwnerRef("SAFP", "recruitment", "REC-2026-000002", "applicant-2");
        Submission otherOwner = service.submit(Actor.applicant("applicant-2"), other, "diploma", "a.pdf",
                new ByteArrayInputStream(Corpus.pdf()));
        assertThat(otherOwner.duplicate()).isFalse();
        Submission otherType = submit("cv", "a.pdf", Corpus.pdf());
        assertThat(otherType.duplicate()).isFalse();
        assertThat(store.listByOwner(OWNER)).hasSize(2);
    }

    @Test
    void refusesMoreDocumentsOfATypeThanTheMaximum() {
        submit("diploma", "a.pdf", Corpus.pdf());

        byte[] another = (new String(Corpus.pdf(), StandardCharsets.US_ASCII) + "% second\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> submit("diploma", "b.pdf", another))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("DOCUMENT_TOO_MANY");
    }

    @Test
    void reportsMissingRequiredDocuments() {
        assertThat(service.completeness(APPLICANT, OWNER).missing()).containsExactly("id-card", "diploma", "photo", "cv");

        submit("diploma", "d.pdf", Corpus.pdf());
        submit("cv", "cv.docx", Corpus.docx());
        Completeness partial = service.completeness(APPLICANT, OWNER);
        assertThat(partial.missing()).containsExactly("id-card", "photo");
        assertThat(partial.complete()).isFalse();

        submit("id-card", "id.png", Corpus.png(10, 10));
        submit("photo", "p.jpg", Corpus.jpeg(10, 10));
        assertThat(service.completeness(APPLICANT, OWNER).complete()).isTrue();
    }

    @Test
    void refusesUnknownApplicationAndDocumentTypes() {
        assertThatThrownBy(() -> service.checklist("licence")).extracting(e -> ((GcamException) e).code()).isEqualTo("APPLICATION_TYPE_UNKNOWN");
        assertThatThrownBy(() -> submit("passport", "p.pdf", Corpus.pdf()))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("DOCUMENT_TYPE_UNKNOWN");
    }

    @Test
    void letsOnlyTheOwnerAndStaffOfTheOwningAgencyReadAndAuditsEveryRead() throws IOException {
        Document d = submit("cv", "履歷 CV.pdf", Corpus.pdf()).document();

        try (DocumentContentCloser c = new DocumentContentCloser(service.open(APPLICANT, d.id()))) {
            assertThat(c.content.content().readAllBytes()).isEqualTo(Corpus.pdf());
            assertThat(c.content.contentDisposition())
                    .isEqualTo("attachment; filename=\"__ CV.pdf\"; filename*=UTF-8''%E5%B1%A5%E6%AD%B7%20CV.pdf");
        }
        service.get(Actor.staff("officer-1", "SAFP", "reviewer"), d.id());
        assertThatThrownBy(() -> service.open(Actor.applicant("applicant-2"), d.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.get(Actor.staff("officer-9", "DSAL", "reviewer"), d.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.submit(Actor.applicant("applicant-2"), OWNER, "cv", "x.pdf",
                new ByteArrayInputStream(Corpus.pdf()))).isInstanceOf(AccessDeniedException.class);

        assertThat(audit.entriesFor("document", d.id(), 0, 10)).extracting(AuditEntry::action)
                .containsExactly("document.submitted", "document.content.read", "document.metadata.read");
    }

    @Test
    void deletesAndPurgesMetadataAndContentTogether() {
        Document cv = submit("cv", "cv.pdf", Corpus.pdf()).document();
        Document letter = submit("letter", "l.pdf", Corpus.encryptedPdf()).document();
        assertThat(letter.retainUntil()).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));

        service.delete(APPLICANT, cv.id());
        assertThat(store.find(cv.id())).isEmpty();
        assertThat(blobs.exists(cv.blobKey())).isFalse();

        assertThat(service.purgeExpired(Actor.system("purge"), 100)).isZero();
        DocumentService later = builder(tx).clock(Clock.offset(clock, java.time.Duration.ofDays(31))).build();
        assertThatThrownBy(() -> later.purgeExpired(APPLICANT, 100)).isInstanceOf(AccessDeniedException.class);
        assertThat(later.purgeExpired(Actor.system("purge"), 100)).isEqualTo(1);
        assertThat(store.find(letter.id())).isEmpty();
        assertThat(blobs.exists(letter.blobKey())).isFalse();
        assertThat(audit.entriesFor("document", letter.id(), 0, 10)).extracting(AuditEntry::action)
                .containsExactly("document.submitted", "document.purged");
        assertThat(audit.entriesFor("document", cv.id(), 0, 10)).extracting(AuditEntry::action)
                .containsExactly("document.submitted", "document.deleted");
    }

    @Test
    void leavesNoBlobWhenTheMetadataCannotBeStored() throws IOException {
        DocumentService failing = builder(tx).events(e -> {
            throw new IllegalStateException("listener failed");
        }).build();

        assertThatThrownBy(() -> failing.submit(APPLICANT, OWNER, "diploma", "d.pdf",
                new ByteArrayInputStream(Corpus.pdf()))).hasMessageContaining("listener failed");

        assertThat(store.listByOwner(OWNER)).isEmpty();
        try (Stream<Path> files = Files.walk(blobRoot)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void refusesContentTheScannerFlagsAndWhenTheScannerFails() {
        DocumentService infected = builder(tx).scanner((in, size) -> ScanResult.infected("Eicar-Test-Signature")).build();
        DocumentService broken = builder(tx).scanner((in, size) -> {
            throw new IllegalStateException("clamd down");
        }).build();

        assertThatThrownBy(() -> infected.submit(APPLICANT, OWNER, "diploma", "d.pdf",
                new ByteArrayInputStream(Corpus.pdf()))).extracting(e -> ((GcamException) e).code()).isEqualTo("DOCUMENT_MALWARE_FOUND");
        assertThatThrownBy(() -> broken.submit(APPLICANT, OWNER, "diploma", "d.pdf",
                new ByteArrayInputStream(Corpus.pdf()))).extracting(e -> ((GcamException) e).code()).isEqualTo("DOCUMENT_SCAN_FAILED");
        assertThat(store.listByOwner(OWNER)).isEmpty();
    }

    private record DocumentContentCloser(DocumentContent content) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            content.content().close();
        }
    }
}
