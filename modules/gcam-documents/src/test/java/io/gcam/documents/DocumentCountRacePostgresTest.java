package io.gcam.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.AuditTrail;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.jdbc.JdbcDocumentStore;
import io.gcam.testsupport.db.TestDatabases;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application instances (two pools) race uploads of different files for a requirement that
 * allows at most three: the database lets exactly three in.
 */
class DocumentCountRacePostgresTest {

    private static final int MAX = 3;

    @TempDir
    Path dir;

    @Test
    void storesNoMoreThanMaxCountWhenDifferentFilesRace() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        int threads = 16;
        try (HikariDataSource a = db.newPool(threads / 2); HikariDataSource b = db.newPool(threads / 2)) {
            Migrations.migrate(a, "core");
            Migrations.migrate(a, "documents");
            FileSystemBlobStore blobs = FileSystemBlobStore.at(dir.resolve("blobs"));
            DocumentService[] instances = {service(a, blobs), service(b, blobs)};
            assertThat(DocumentIntakeTest.RECRUITMENT.requirement("cv").orElseThrow().maxCount()).isEqualTo(MAX);
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                DocumentService service = instances[i % 2];
                byte[] distinct = distinctPdf(i);
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        return service.submit(DocumentIntakeTest.APPLICANT, DocumentIntakeTest.OWNER, "cv", "cv.pdf",
                                new ByteArrayInputStream(distinct));
                    } catch (DocumentRejectedException e) {
                        return e;
                    }
                }));
            }
            List<Submission> stored = new ArrayList<>();
            List<DocumentRejectedException> refused = new ArrayList<>();
            for (Future<Object> f : results) {
                Object outcome = f.get(60, TimeUnit.SECONDS);
                if (outcome instanceof Submission s) {
                    stored.add(s);
                } else {
                    refused.add((DocumentRejectedException) outcome);
                }
            }
            pool.shutdown();

            assertThat(stored).hasSize(MAX).noneMatch(Submission::duplicate);
            assertThat(refused).hasSize(threads - MAX)
                    .allSatisfy(e -> assertThat(e.errorCode()).isEqualTo(DocumentErrorCode.DOCUMENT_TOO_MANY));
            try (Connection c = a.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM gcam_doc_document WHERE document_type = 'cv'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(MAX);
            }
            try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
                assertThat(files.filter(Files::isRegularFile)).hasSize(MAX);
            }
        }
    }

    private static byte[] distinctPdf(int i) {
        return new String(Corpus.pdf(), StandardCharsets.US_ASCII).replace("%PDF-1.4\n", "%PDF-1.4\n%upload-" + i + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private DocumentService service(HikariDataSource pool, FileSystemBlobStore blobs) throws Exception {
        LocalTransactions tx = LocalTransactions.over(pool);
        return DocumentService.builder().checklists(DocumentIntakeTest.RECRUITMENT).blobs(blobs)
                .store(JdbcDocumentStore.create(tx.dataSource()))
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                .events(e -> { }).transactions(tx)
                .stagingDirectory(Files.createDirectories(dir.resolve("staging"))).build();
    }
}
