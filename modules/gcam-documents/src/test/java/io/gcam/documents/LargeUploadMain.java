package io.gcam.documents;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.jdbc.JdbcDocumentStore;
import io.gcam.testsupport.db.TestDatabases;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a forked JVM with a small heap by {@link LargeUploadTest}: streams a generated PDF of the
 * given size through intake into the filesystem store and prints {@code size sha256}.
 */
public final class LargeUploadMain {

    private LargeUploadMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        try (HikariDataSource pool = TestDatabases.h2().newPool(2)) {
            Migrations.migrate(pool, "core");
            Migrations.migrate(pool, "documents");
            LocalTransactions tx = LocalTransactions.over(pool);
            DocumentService service = DocumentService.builder()
                    .checklists(DocumentChecklist.of("bulk", DocumentRequirement.builder("scan")
                            .allow(DocumentRequirement.PDF).maxBytes(2L << 30).build()))
                    .blobs(FileSystemBlobStore.at(dir.resolve("blobs")))
                    .store(JdbcDocumentStore.create(tx.dataSource()))
                    .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                    .events(e -> { }).transactions(tx)
                    .stagingDirectory(Files.createDirectories(dir.resolve("staging"))).build();
            Document d = service.submit(Actor.applicant("a-1"), new OwnerRef("AG", "bulk", "R-1", "a-1"), "scan",
                    "scan.pdf", new GeneratedPdf(size)).document();
            System.out.println(d.size() + " " + d.sha256() + " " + d.blobKey());
        }
    }

    /** A PDF-shaped stream of exactly {@code size} bytes, generated on the fly. */
    static final class GeneratedPdf extends InputStream {
        private static final byte[] HEAD = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] TAIL = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long pos;

        GeneratedPdf(long size) {
            this.size = size;
        }

        private byte at(long i) {
            if (i < HEAD.length) {
                return HEAD[(int) i];
            }
            if (i >= size - TAIL.length) {
                return TAIL[(int) (i - (size - TAIL.length))];
            }
            return (byte) ('a' + (i % 26));
        }

        @Override
        public int read() {
            return pos < size ? at(pos++) & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = at(pos++);
            }
            return n;
        }
    }
}
