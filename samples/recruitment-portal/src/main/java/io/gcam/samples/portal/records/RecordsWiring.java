package io.gcam.samples.portal.records;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.Document;
import io.gcam.documents.DocumentService;
import io.gcam.documents.OwnerRef;
import io.gcam.documents.spi.DocumentStore;
import io.gcam.records.ContentRef;
import io.gcam.records.FiledDocument;
import io.gcam.records.Classification;
import io.gcam.records.Custodian;
import io.gcam.records.DisposalAction;
import io.gcam.records.NewRecord;
import io.gcam.records.RecordKind;
import io.gcam.records.RecordsService;
import io.gcam.records.RetentionRule;
import io.gcam.records.SecurityLevel;
import io.gcam.records.jdbc.JdbcRecordStore;
import io.gcam.records.spi.DepartmentPolicy;
import io.gcam.rest.records.RecordResources;
import io.gcam.workflow.Application;
import io.gcam.workflow.WorkflowService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Wires gcam-records into the portal: the JDBC store, a content store over the portal's documents,
 * the REST API of {@link RecordResources}, the staff page {@code /records}, and in demo mode a small file plan with two records.
 */
public final class RecordsWiring {

    private static final Actor SEED = Actor.system("portal-seed");
    private static final Actor FILING = Actor.system("portal-records-filing");
    /**
     * The demo's staff directory: who works in which department, so that only the archive department
     * (or a records officer) takes custody of records transferred to it. An agency asks its HR system
     * instead; staff with a {@code DEPT_<department>} role count too.
     */
    private static final Map<String, String> DEMO_DEPARTMENTS = Map.of(
            "demo-reviewer1", "HR", "demo-approver1", "ARCHIVE", "demo-admin1", "HR");

    private RecordsWiring() {
    }

    /**
     * Migrates the records tables and registers the records resources.
     *
     * @param config the portal's Jersey configuration
     * @param tx the portal's shared transactions
     * @param pool the portal's plain connection pool
     * @param clock the portal's clock
     * @param documents where record content lives
     * @param agency the portal's agency
     * @param demo whether to seed the demo file plan and records (once)
     * @return the records service, e.g. to file an approved application's documents
     */
    public static RecordsService register(ResourceConfig config, LocalTransactions tx, DataSource pool, Clock clock,
            DocumentService documents, String agency, boolean demo) {
        Migrations.migrate(pool, "records");
        RecordsService records = RecordsService.builder()
                .store(JdbcRecordStore.create(tx.dataSource()))
                .contents(new DocumentsContentStore(documents))
                .references(ReferenceNumberGenerator.builder()
                        .name("record")
                        .format("RM-[cy:yyyy]-[SEQ:6]")
                        .store(JdbcSequenceStore.create(pool))
                        .clock(clock)
                        .build())
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                .events(SynchronousEventPublisher.create())
                .transactions(tx)
                .departments(RecordsWiring::worksIn)
                .clock(clock)
                .build();
        if (demo && records.filePlan(SEED, agency).isEmpty()) {
            seed(records, agency);
        }
        config.registerInstances(RecordResources.create(records).resources());
        config.register(new RecordsPage());
        return records;
    }

    /**
     * Files the documents of every approved recruitment application as a dossier with one record
     * per document, classified {@code HR.RECRUITMENT} (seeded in demo mode), in the transaction of
     * the approval: an approval whose documents cannot be filed is rolled back with them.
     *
     * @param events the portal's event publisher, on which the workflow publishes
     * @param records the records service (in the portal's shared transactions)
     * @param workflow the workflow service, to read the approved application
     * @param documents the document store, to list the application's documents
     * @return the subscription
     */
    public static SynchronousEventPublisher.Subscription fileOnApproval(SynchronousEventPublisher events,
            RecordsService records, WorkflowService workflow, DocumentStore documents) {
        return events.subscribe("workflow.application_transitioned", event -> {
            if (!"approved".equals(event.payload().get("to")) || !"recruitment".equals(event.payload().get("type"))) {
                return;
            }
            Application application = workflow.get(FILING, event.aggregateId());
            List<FiledDocument> files = new ArrayList<>();
            for (Document d : documents.listByOwner(new OwnerRef(application.agency(), application.type(),
                    application.referenceNumber(), application.applicantId()))) {
                files.add(new FiledDocument(LocalizedText.english(d.type() + ": " + d.fileName()),
                        new ContentRef(d.id(), d.sha256())));
            }
            records.fileDocuments(FILING, NewRecord.builder(LocalizedText.of(
                    "Recruitment application " + application.referenceNumber(),
                    "招聘申請 " + application.referenceNumber(),
                    "Candidatura de recrutamento " + application.referenceNumber()), "HR.RECRUITMENT")
                    .agency(application.agency()).department("HR").caseReference(application.referenceNumber())
                    // internal: the demo staff hold no higher clearance; an agency would file CONFIDENTIAL and give its
                    // HR officers the clearance role
                    .securityLevel(SecurityLevel.INTERNAL).keywords("recruitment", "application").build(), files);
        }, SynchronousEventPublisher.OnFailure.PROPAGATE);
    }

    private static void seed(RecordsService records, String agency) {
        records.defineClassification(SEED, new Classification(agency, "HR",
                LocalizedText.of("Human resources", "人力資源", "Recursos humanos"), null, null));
        records.defineClassification(SEED, new Classification(agency, "HR.RECRUITMENT",
                LocalizedText.of("Recruitment", "招聘", "Recrutamento"), "HR",
                RetentionRule.years(10, DisposalAction.DESTROY)));
        records.register(SEED, NewRecord.builder(LocalizedText.of("Recruitment 2026: clerk", "2026 年招聘：文員",
                "Recrutamento 2026: escriturário"), "HR.RECRUITMENT")
                .kind(RecordKind.DOSSIER).agency(agency).department("HR").keywords("recruitment", "2026")
                .location("Registry, shelf A-3").barcode(agency + "-000001").build());
        records.register(SEED, NewRecord.builder(LocalizedText.of("Appeal against a recruitment decision",
                "對招聘決定的上訴", "Recurso de uma decisão de recrutamento"), "HR.RECRUITMENT")
                .agency(agency).department("LEGAL").securityLevel(SecurityLevel.CONFIDENTIAL).keywords("appeal")
                .build());
    }

    /** Department membership: a {@code DEPT_<department>} role, or the demo's staff directory. */
    static boolean worksIn(Actor actor, Custodian department) {
        return DepartmentPolicy.byRoles().isMember(actor, department) || (actor.isStaffOf(department.agency())
                && department.department().equals(DEMO_DEPARTMENTS.get(actor.subjectId())));
    }
}
