package io.gcam.samples.portal.catalog;

import io.gcam.catalog.CatalogService;
import io.gcam.catalog.Channel;
import io.gcam.catalog.ContactPoint;
import io.gcam.catalog.Fee;
import io.gcam.catalog.Keywords;
import io.gcam.catalog.ProcessingTime;
import io.gcam.catalog.ServiceDefinition;
import io.gcam.catalog.ServicePerformance;
import io.gcam.catalog.SingleWindow;
import io.gcam.catalog.Step;
import io.gcam.catalog.jdbc.JdbcCatalogStore;
import io.gcam.catalog.workflow.WorkflowServiceConnector;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.LocalizedText;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.rest.catalog.CatalogResources;
import io.gcam.samples.portal.workflow.WorkflowWiring;
import io.gcam.workflow.WorkflowService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Wires gcam-catalog into the portal: the catalogue on the portal's database, the single window
 * with a local connector to the portal's recruitment workflow (agency SAFP), and the REST API of
 * {@link CatalogResources}, and the public catalogue page {@code /catalog}. In demo mode it seeds two agencies: SAFP with the civil-service
 * recruitment service (applied for online through the single window) and DSAL with job-seeker
 * registration (at the counter or by phone, so it has no connector).
 */
public final class CatalogWiring {

    /** The recruitment service's code. */
    public static final String RECRUITMENT = "SAFP-RECRUIT";
    /** The second agency's service code. */
    public static final String JOB_SEEKER = "DSAL-JOBSEEK";

    private static final Actor SEEDER = Actor.system("catalog-demo-seed");

    private CatalogWiring() {
    }

    /**
     * Migrates the catalogue tables, seeds the demo services when asked, and registers the resources.
     *
     * @param config the portal's Jersey configuration
     * @param tx the portal's shared transactions
     * @param pool the portal's plain connection pool (migrations)
     * @param clock the portal's clock
     * @param workflow the portal's workflow, which handles SAFP's recruitment applications
     * @param events the portal's event publisher: the catalogue's events go there, and the
     *     performance figures count the workflow's events from it
     * @param demo whether to seed the demo catalogue
     * @return the single window (closed with the JVM; its threads are daemons)
     */
    public static SingleWindow register(ResourceConfig config, LocalTransactions tx, DataSource pool, Clock clock,
            WorkflowService workflow, SynchronousEventPublisher events, boolean demo) {
        Migrations.migrate(pool, "catalog");
        AuditTrail audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        JdbcCatalogStore store = new JdbcCatalogStore(tx.dataSource());
        CatalogService catalog = CatalogService.builder().store(store).transactions(tx).audit(audit).events(events)
                .clock(clock).zone(ZoneId.of("Asia/Macau")).refreshInterval(Duration.ofSeconds(5)).build();
        if (demo) {
            seed(catalog, store);
        }
        SingleWindow window = SingleWindow.builder().catalog(catalog).store(store).transactions(tx).audit(audit)
                .events(events).clock(clock).statusTimeout(Duration.ofSeconds(3))
                .connector("SAFP", new WorkflowServiceConnector(workflow, Map.of(RECRUITMENT, "recruitment")))
                .build();
        // counted from the workflow's own events, in the workflow's transaction
        ServicePerformance performance = ServicePerformance.builder().store(store).catalog(catalog)
                .calendar(WorkflowWiring.calendar())
                .track("recruitment", RECRUITMENT, Set.of("approved", "rejected", "withdrawn"))
                .build();
        events.subscribe(SynchronousEventPublisher.ALL_TYPES, performance, SynchronousEventPublisher.OnFailure.PROPAGATE);
        config.registerInstances(CatalogResources.create(catalog, window, performance).resources());
        config.register(new CatalogPage(catalog));
        return window;
    }

    private static void seed(CatalogService catalog, JdbcCatalogStore store) {
        for (ServiceDefinition d : List.of(recruitment(), jobSeeker())) {
            if (store.versions(d.code()).isEmpty()) {
                catalog.create(SEEDER, d);
                catalog.publish(SEEDER, d.code(), 1, null);
            }
        }
    }

    static ServiceDefinition recruitment() {
        return ServiceDefinition.builder(RECRUITMENT, "SAFP")
                .name(LocalizedText.of("Civil service recruitment", "公務人員招聘", "Recrutamento da função pública"))
                .description(LocalizedText.of(
                        "Apply for a post in the public administration through the central recruitment: register"
                                + " for the examination, upload your documents and follow your application.",
                        "透過統一招聘報考公共行政職位：報名參加考試、上載文件並查詢申請進度。",
                        "Candidate-se a um lugar na Administração Pública através do recrutamento centralizado:"
                                + " inscreva-se no exame, envie os documentos e acompanhe o pedido."))
                .keywords(Keywords.of(List.of("job", "civil servant", "examination"), List.of("公職", "考試", "入職"),
                        List.of("emprego", "concurso", "função pública")))
                .category("employment")
                .lifeEvent("looking-for-work")
                .whoMayApply(LocalizedText.of("Macao permanent residents aged 18 or over",
                        "年滿十八歲的澳門永久性居民", "Residentes permanentes de Macau com 18 ou mais anos"))
                .step(new Step(LocalizedText.of("Apply online", "網上報名", "Candidatura online"), null,
                        List.of("ID_CARD", "ACADEMIC_QUALIFICATION"),
                        List.of(new Fee(LocalizedText.of("Application fee", "報名費", "Taxa de candidatura"),
                                BigDecimal.ZERO, "MOP")), Set.of(Channel.ONLINE, Channel.KIOSK)))
                .step(new Step(LocalizedText.of("Sit the examination", "參加考試", "Realizar o exame"), null, List.of(),
                        List.of(), Set.of(Channel.COUNTER)))
                .step(new Step(LocalizedText.of("Attend the interview", "出席面試", "Comparecer à entrevista"), null,
                        List.of(), List.of(), Set.of(Channel.COUNTER)))
                .processingTime(new ProcessingTime(20, 60))
                .legalBasis(LocalizedText.of("Administrative Regulation 14/2016 (recruitment, selection and"
                        + " promotion)", "第14/2016號行政法規（招聘、甄選及晉級培訓）",
                        "Regulamento Administrativo n.º 14/2016 (recrutamento, selecção e formação)"))
                .contactPoint(new ContactPoint(LocalizedText.of("Central recruitment enquiries", "統一招聘查詢",
                        "Informações sobre o recrutamento centralizado"), "+853 2832 3623", null, null))
                .applyOnlineUrl("http://localhost:8080/profile")
                .build();
    }

    static ServiceDefinition jobSeeker() {
        return ServiceDefinition.builder(JOB_SEEKER, "DSAL")
                .name(LocalizedText.of("Job seeker registration", "求職登記", "Inscrição de candidato a emprego"))
                .description(LocalizedText.of("Register as a job seeker and receive job matching and training offers.",
                        "登記求職，獲得職業配對及培訓資訊。",
                        "Inscreva-se como candidato a emprego e receba ofertas de emprego e formação."))
                .keywords(Keywords.of(List.of("employment", "work"), List.of("就業", "工作"), List.of("emprego", "trabalho")))
                .category("employment")
                .lifeEvent("looking-for-work")
                .step(new Step(LocalizedText.of("Register at a counter or by phone", "到櫃檯或致電登記",
                        "Inscreva-se ao balcão ou por telefone"), null, List.of("ID_CARD"), List.of(),
                        Set.of(Channel.COUNTER, Channel.PHONE)))
                .processingTime(new ProcessingTime(1, 5))
                .contactPoint(new ContactPoint(LocalizedText.of("Employment services", "就業服務", "Serviços de emprego"),
                        null, null, null))
                .build();
    }
}
