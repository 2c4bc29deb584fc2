package io.gcam.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.jdbc.JdbcDocumentStore;
import io.gcam.testsupport.db.TestDatabases;
import java.io.ByteArrayInputStream;
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

/** Two application instances (two pools) race the same upload: one document, one blob. */
class DuplicateUploadRacePostgresTest {

    @TempDir
    Path dir;

    @Test
    void storesConcurrentUploadsOfTheSameContentOnce() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.postgres();
        int threads = 8;
        try (HikariDataSource a = db.newPool(threads); HikariDataSource b = db.newPool(threads)) {
            Migrations.migrate(a, "core");
            Migrations.migrate(a, "documents");
            FileSystemBlobStore blobs = FileSystemBlobStore.at(dir.resolve("blobs"));
            DocumentService[] instances = {service(a, blobs), service(b, blobs)};
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Submission>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                DocumentService service = instances[i % 2];
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return service.submit(DocumentIntakeTest.APPLICANT, DocumentIntakeTest.OWNER, "diploma", "d.pdf",
                            new ByteArrayInputStream(Corpus.pdf()));
                }));
            }
            List<Submission> submissions = new ArrayList<>();
            for (Future<Submission> f : results) {
                submissions.add(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(submissions).extracting(s -> s.document().id()).containsOnly(submissions.get(0).document().id());
            assertThat(submissions).filteredOn(s -> !s.duplicate()).hasSize(1);
            try (Connection c = a.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM gcam_doc_document")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
                assertThat(files.filter(Files::isRegularFile)).hasSize(1);
            }
        }
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
