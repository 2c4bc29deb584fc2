package io.gcam.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.LocalizedText;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.jdbc.JdbcDocumentStore;
import io.gcam.testsupport.db.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet of docs/modules/documents.md, compiled and run. */
class DocumentsExampleTest {

    @TempDir
    Path dir;

    @Test
    void collectsADiplomaAndReportsWhatIsMissing() throws Exception {
        try (HikariDataSource pool = TestDatabases.h2().newPool(4)) {
            Migrations.migrate(pool, "core");
            Migrations.migrate(pool, "documents");
            InputStream upload = new ByteArrayInputStream(Corpus.pdf());
            // --- snippet start
            DocumentChecklist recruitment = DocumentChecklist.of("recruitment",
                    DocumentRequirement.builder("diploma")
                            .name(LocalizedText.of("Diploma", "學歷證明", "Diploma"))
                            .allow(DocumentRequirement.PDF).maxBytes(10L << 20).build(),
                    DocumentRequirement.builder("photo")
                            .allow(DocumentRequirement.JPEG, DocumentRequirement.PNG)
                            .stripImageMetadata(true).build());
            LocalTransactions tx = LocalTransactions.over(pool);
            DocumentService documents = DocumentService.builder()
                    .checklists(recruitment)
                    .blobs(FileSystemBlobStore.at(dir.resolve("blobs")))
                    .store(JdbcDocumentStore.create(tx.dataSource()))
                    .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                    .events(event -> { })
                    .transactions(tx)
                    .build();

            OwnerRef application = new OwnerRef("SAFP", "recruitment", "REC-2026-000042", "applicant-7");
            Actor applicant = Actor.applicant("applicant-7");
            Submission submission = documents.submit(applicant, application, "diploma", "diploma.pdf", upload);
            Document diploma = submission.document(); // mediaType application/pdf, sha256, size, ...
            Completeness completeness = documents.completeness(applicant, application);
            // completeness.missing() == ["photo"]
            // --- snippet end
            assertThat(diploma.mediaType()).isEqualTo("application/pdf");
            assertThat(completeness.missing()).containsExactly("photo");
        }
    }
}
