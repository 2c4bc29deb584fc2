package io.gcam.benchmarks.documents;

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
import io.gcam.documents.jdbc.JdbcDocumentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake throughput (stage + SHA-256 + detect + checks + store to the filesystem with fsync)
 * against a baseline that only copies the same bytes to a file with plain NIO while hashing them
 * with {@link MessageDigest}, and forces them to disk. Prints MiB/s of both and the ratio
 * intake/baseline for 1 MiB and 50 MiB PDF files.
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.gcam.benchmarks.documents.IntakeBenchmark [dir]
 * </pre>
 */
public final class IntakeBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeBenchmark.class);
    private static final int ROUNDS = 3;

    private IntakeBenchmark() {
    }

    /**
     * @param args optional working directory (default: a new temporary directory)
     * @throws Exception when the run fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("gcam-bench");
        try {
            run(dir, 1 << 20, 200);
            run(dir, 50 << 20, 8);
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(Path dir, int size, int files) throws Exception {
        Path source = dir.resolve("source-" + size + ".pdf");
        writePdf(source, size);
        double bestIntake = 0;
        double bestBaseline = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path work = Files.createDirectories(dir.resolve("round-" + size + "-" + round));
            bestBaseline = Math.max(bestBaseline, baseline(source, work.resolve("copy"), files, size));
            bestIntake = Math.max(bestIntake, intake(source, work.resolve("intake"), files, size, round));
            deleteTree(work);
        }
        String line = String.format(Locale.ROOT, "%d x %d MiB: intake %.1f MiB/s, baseline %.1f MiB/s, ratio %.2f",
                files, size >> 20, bestIntake, bestBaseline, bestIntake / bestBaseline);
        LOG.info(line);
        System.out.println(line); // the runner's result line
    }

    private static double intake(Path source, Path work, int files, int size, int round) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:bench-" + size + "-" + round + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(h2, "core");
        Migrations.migrate(h2, "documents");
        LocalTransactions tx = LocalTransactions.over(h2);
        DocumentService service = DocumentService.builder()
                .checklists(DocumentChecklist.of("bench", DocumentRequirement.builder("scan")
                        .allow(DocumentRequirement.PDF).maxBytes(1L << 30).count(0, Integer.MAX_VALUE).build()))
                .blobs(FileSystemBlobStore.at(work.resolve("blobs")))
                .store(JdbcDocumentStore.create(tx.dataSource()))
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                .events(e -> { }).transactions(tx)
                .stagingDirectory(Files.createDirectories(work.resolve("staging"))).build();
        Actor actor = Actor.applicant("bench");
        long start = System.nanoTime();
        for (int i = 0; i < files; i++) {
            try (InputStream in = Files.newInputStream(source)) {
                service.submit(actor, new OwnerRef("AG", "bench", "R-" + i, "bench"), "scan", "scan.pdf", in);
            }
        }
        return mibPerSecond((long) files * size, System.nanoTime() - start);
    }

    private static double baseline(Path source, Path work, int files, int size) throws Exception {
        Files.createDirectories(work);
        byte[] buffer = new byte[64 * 1024];
        long start = System.nanoTime();
        for (int i = 0; i < files; i++) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(source);
                    FileChannel out = FileChannel.open(work.resolve("copy-" + i), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                OutputStream os = Channels.newOutputStream(out);
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                    os.write(buffer, 0, n);
                }
                out.force(true);
            }
            HexFormat.of().formatHex(sha.digest());
        }
        return mibPerSecond((long) files * size, System.nanoTime() - start);
    }

    private static double mibPerSecond(long bytes, long nanos) {
        return bytes / (1024.0 * 1024.0) / (nanos / 1e9);
    }

    private static void writePdf(Path file, int size) throws IOException {
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
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
