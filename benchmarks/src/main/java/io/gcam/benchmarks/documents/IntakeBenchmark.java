package io.gcam.benchmarks.documents;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.DocumentChecklist;
import io.gcam.documents.DocumentRequirement;
import io.gcam.documents.DocumentService;
import io.gcam.documents.FileSystemBlobStore;
import io.gcam.documents.OwnerRef;
import io.gcam.documents.Submission;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Document intake against copying the same bytes to disk while hashing them, for files of 1 MiB
 * and 50 MiB.
 *
 * <ul>
 *   <li>{@code gcamIntake1MiB}, {@code gcamIntake50MiB}: {@link DocumentService#submit} of a PDF
 *       read from a file: staging with the size limit and SHA-256 in one pass, detection from the
 *       bytes (Tika), the PDF checks, the count check, the blob stored in a
 *       {@link FileSystemBlobStore} (forced to disk, renamed into place, directory synced), the
 *       metadata row and the audit entry in one H2 transaction.</li>
 *   <li>{@code baselineCopy1MiB}, {@code baselineCopy50MiB}: the same bytes copied with plain NIO
 *       into a new file while a {@link MessageDigest} hashes them, then forced to disk: the least
 *       that storing a hashed upload durably costs.</li>
 * </ul>
 *
 * <p>Every operation first deletes the file its side stored in the previous operation, so the
 * disk does not fill up; both sides pay for that deletion. Throughput is in files per second; the
 * ratio GCAM / baseline is the number to read (target: at least 0.8 for 50 MiB files).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class IntakeBenchmark {

    static final int ONE_MIB = 1 << 20;
    static final int FIFTY_MIB = 50 << 20;
    private static final int BUFFER = 64 * 1024;

    private Path dir;
    private Path source1;
    private Path source50;
    private HikariDataSource pool;
    private FileSystemBlobStore blobs;
    private DocumentService service;
    private final Actor actor = Actor.applicant("bench");
    private long uploads;
    private @Nullable String previousBlob;
    private @Nullable Path previousCopy;

    /**
     * Writes the two source PDFs and opens a fresh H2 database with the core and documents tables.
     *
     * @throws IOException when the files cannot be written
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("gcam-intake-bench");
        source1 = writePdf(dir.resolve("source-1.pdf"), ONE_MIB);
        source50 = writePdf(dir.resolve("source-50.pdf"), FIFTY_MIB);
        Files.createDirectories(dir.resolve("copies"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:gcam-bench-intake-" + UUID.randomUUID());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        config.setMaxLifetime(0);
        config.setPoolName("bench-intake");
        pool = new HikariDataSource(config);
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "documents");
        LocalTransactions tx = LocalTransactions.over(pool);
        blobs = FileSystemBlobStore.at(dir.resolve("blobs"));
        service = DocumentService.builder()
                .checklists(DocumentChecklist.of("bench", DocumentRequirement.builder("scan")
                        .allow(DocumentRequirement.PDF).maxBytes(1L << 30).build()))
                .blobs(blobs)
                .store(io.gcam.documents.jdbc.JdbcDocumentStore.create(tx.dataSource()))
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                .events(e -> { }).transactions(tx)
                .stagingDirectory(Files.createDirectories(dir.resolve("staging"))).build();
    }

    /**
     * Closes the database and deletes every file.
     *
     * @throws IOException when a file cannot be deleted
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        pool.close();
        deleteTree(dir);
    }

    /** @return the stored document */
    @Benchmark
    public Submission gcamIntake1MiB() {
        return intake(source1);
    }

    /** @return the stored document */
    @Benchmark
    public Submission gcamIntake50MiB() {
        return intake(source50);
    }

    /** @return the hex SHA-256 of the copy */
    @Benchmark
    public String baselineCopy1MiB() {
        return copy(source1);
    }

    /** @return the hex SHA-256 of the copy */
    @Benchmark
    public String baselineCopy50MiB() {
        return copy(source50);
    }

    /** @return the directory the blob store writes to */
    Path blobDirectory() {
        return dir.resolve("blobs");
    }

    private Submission intake(Path source) {
        if (previousBlob != null) {
            blobs.delete(previousBlob);
        }
        // One owner per upload: every upload is a new document, none a duplicate.
        OwnerRef owner = new OwnerRef("AG", "bench", "R-" + uploads++, "bench");
        try (InputStream in = Files.newInputStream(source)) {
            Submission submission = service.submit(actor, owner, "scan", "scan.pdf", in);
            previousBlob = submission.document().blobKey();
            return submission;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String copy(Path source) {
        try {
            if (previousCopy != null) {
                Files.deleteIfExists(previousCopy);
            }
            Path target = dir.resolve("copies").resolve("copy-" + uploads++);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = Files.newInputStream(source);
                    FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream os = Channels.newOutputStream(out);
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                    os.write(buffer, 0, n);
                }
                out.force(true);
            }
            previousCopy = target;
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePdf(Path file, int size) throws IOException {
        byte[] head = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[size - head.length - tail.length];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            out.write(body);
            out.write(tail);
        }
        return file;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
