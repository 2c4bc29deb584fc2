package io.gcam.samples.portal.documents;

import io.gcam.core.AuditTrail;
import io.gcam.core.LocalizedText;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.DocumentChecklist;
import io.gcam.documents.DocumentRequirement;
import io.gcam.documents.DocumentService;
import io.gcam.documents.FileSystemBlobStore;
import io.gcam.documents.OwnerRef;
import io.gcam.documents.jdbc.JdbcDocumentStore;
import io.gcam.rest.documents.DocumentRejectedExceptionMapper;
import io.gcam.rest.documents.DocumentResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds document intake to the portal: the API under {@code /api/v1} and the page {@code /documents}. */
public final class DocumentsWiring {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentsWiring.class);
    private static final long TEN_MIB = 10L << 20;

    /** The documents an application of type {@code recruitment} needs; no archives anywhere. */
    public static final DocumentChecklist RECRUITMENT = DocumentChecklist.of("recruitment",
            DocumentRequirement.builder("id-card")
                    .name(LocalizedText.of("Identity card", "身份證明文件", "Documento de identificação"))
                    .help(LocalizedText.of("Both sides, as one PDF or a photo.", "正反兩面，PDF 或相片均可。",
                            "Frente e verso, em PDF ou fotografia."))
                    .allow(DocumentRequirement.PDF, DocumentRequirement.JPEG, DocumentRequirement.PNG)
                    .maxBytes(TEN_MIB).build(),
            DocumentRequirement.builder("diploma")
                    .name(LocalizedText.of("Diploma", "學歷證明", "Diploma"))
                    .help(LocalizedText.of("Your highest academic qualification, as PDF.", "最高學歷證明（PDF）。",
                            "A sua habilitação académica mais elevada, em PDF."))
                    .allow(DocumentRequirement.PDF).maxBytes(TEN_MIB).build(),
            DocumentRequirement.builder("photo")
                    .name(LocalizedText.of("Photo", "相片", "Fotografia"))
                    .help(LocalizedText.of("A recent passport-style photo. Location data is removed.",
                            "近照（證件相格式）。相片中的位置資料會被移除。",
                            "Fotografia recente tipo passe. Os dados de localização são removidos."))
                    .allow(DocumentRequirement.JPEG, DocumentRequirement.PNG).maxBytes(TEN_MIB)
                    .stripImageMetadata(true).build(),
            DocumentRequirement.builder("cv")
                    .name(LocalizedText.of("Curriculum vitae", "履歷", "Curriculum vitae"))
                    .help(LocalizedText.of("PDF or Word (DOCX).", "PDF 或 Word（DOCX）。", "PDF ou Word (DOCX)."))
                    .allow(DocumentRequirement.PDF, DocumentRequirement.DOCX).maxBytes(TEN_MIB).build());

    private DocumentsWiring() {
    }

    /**
     * Migrates the document tables and registers the resources.
     *
     * @param config the portal's Jersey configuration
     * @param pool the plain connection pool (for migrations and the transactions)
     * @param clock the clock
     * @param dataDir the portal's data directory; documents go to {@code documents/}
     * @param agency the agency that owns the applications
     * @return the document service
     */
    public static DocumentService register(ResourceConfig config, DataSource pool, Clock clock, Path dataDir,
            String agency) {
        return register(config, LocalTransactions.over(pool), pool, clock, dataDir, agency);
    }

    /**
     * Like {@link #register(ResourceConfig, DataSource, Clock, Path, String)}, in the portal's shared
     * transactions, so that a document read inside another module's transaction joins it.
     *
     * @param config the portal's Jersey configuration
     * @param tx the portal's transactions
     * @param pool the plain connection pool (for migrations)
     * @param clock the clock
     * @param dataDir the portal's data directory; documents go to {@code documents/}
     * @param agency the agency that owns the applications
     * @return the document service
     */
    public static DocumentService register(ResourceConfig config, LocalTransactions tx, DataSource pool, Clock clock,
            Path dataDir, String agency) {
        Migrations.migrate(pool, "documents");
        Path staging;
        try {
            staging = Files.createDirectories(dataDir.resolve("documents").resolve("staging"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DocumentService service = DocumentService.builder()
                .checklists(RECRUITMENT)
                .blobs(FileSystemBlobStore.at(dataDir.resolve("documents").resolve("blobs")))
                .store(JdbcDocumentStore.create(tx.dataSource()))
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                .events(event -> LOG.info("{} {}", event.type(), event.aggregateId()))
                .transactions(tx)
                .clock(clock)
                .stagingDirectory(staging)
                .build();
        config.register(MultiPartFeature.class)
                .register(DocumentRejectedExceptionMapper.class)
                .register(DocumentResources.documents(service,
                        (actor, ref) -> new OwnerRef(agency, "recruitment", ref, actor.subjectId())))
                .register(DocumentResources.requirements(service))
                .register(new UploadPage(RECRUITMENT));
        return service;
    }
}
