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
import io.gcam.catalog.http.HttpServiceConnector;
import io.gcam.catalog.jdbc.JdbcCatalogStore;
import io.gcam.catalog.workflow.WorkflowServiceConnector;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.documents.DocumentRequirement;
import io.gcam.rest.catalog.AgencyBackendResources;
import io.gcam.rest.catalog.CatalogResources;
import io.gcam.samples.portal.documents.DocumentsWiring;
import io.gcam.samples.portal.workflow.WorkflowWiring;
import io.gcam.workflow.WorkflowService;
import jakarta.ws.rs.Priorities;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires gcam-catalog into the portal: the catalogue on the portal's database, the single window for
 * two agencies, the REST API of {@link CatalogResources}, and the pages {@code /catalog} (the public
 * catalogue, with each step's documents by their names from {@link DocumentsWiring}) and
 * {@code /applications} (a citizen's applications across agencies, {@link MyApplicationsPage}).
 *
 * <p>The single window reaches the two agencies' backends in the two ways gcam-catalog offers:
 * <ul>
 *   <li>SAFP's civil-service recruitment runs in this portal's workflow and is reached through the
 *       local {@link WorkflowServiceConnector}. Its {@link WorkflowServiceConnector#filingRecorder
 *       filing recorder} also records applications submitted directly ({@code POST /api/v1/applications}),
 *       so "my applications" lists them too.</li>
 *   <li>DSAL's job-seeker registration (workflow {@code jobseeker}) is served as an agency backend
 *       over HTTP ({@link AgencyBackendResources}, {@code /api/v1/single-window/applications}) and
 *       reached through an {@link HttpServiceConnector}, as if DSAL ran it in its own application. By
 *       default that backend is this portal itself, called once it listens ({@link #started(URI)});
 *       {@value #BACKEND_URL} points the connector elsewhere. The platform proves who it is with the
 *       header {@value #PLATFORM_KEY_HEADER}, carrying the key set in {@value #PLATFORM_KEY} (by
 *       default a random key per start, which only this portal knows).</li>
 * </ul>
 * In demo mode it seeds both services (published).
 */
public final class CatalogWiring {

    /** The recruitment service's code. */
    public static final String RECRUITMENT = "SAFP-RECRUIT";
    /** The second agency's service code. */
    public static final String JOB_SEEKER = "DSAL-JOBSEEK";
    /** Setting: DSAL's backend address, e.g. {@code https://dsal.example/api/v1/single-window/}. */
    public static final String BACKEND_URL = "GCAM_DSAL_BACKEND_URL";
    /** Setting: the key the platform sends to DSAL's backend, and this portal's backend accepts. */
    public static final String PLATFORM_KEY = "GCAM_SINGLE_WINDOW_KEY";
    /** The header that carries the platform's key. */
    public static final String PLATFORM_KEY_HEADER = "X-Single-Window-Key";
    /** Who the platform acts as in the agency backend. */
    static final Actor PLATFORM = Actor.system("single-window");

    private static final Logger LOG = LoggerFactory.getLogger(CatalogWiring.class);
    private static final Actor SEEDER = Actor.system("catalog-demo-seed");

    private final SingleWindow window;
    private final LateConnector dsal;
    private final @Nullable URI backendUrl;
    private final String key;

    private CatalogWiring(SingleWindow window, LateConnector dsal, @Nullable URI backendUrl, String key) {
        this.window = window;
        this.dsal = dsal;
        this.backendUrl = backendUrl;
        this.key = key;
    }

    /**
     * Migrates the catalogue tables, seeds the demo services when asked, and registers the resources
     * and pages.
     *
     * @param config the portal's Jersey configuration
     * @param tx the portal's shared transactions
     * @param pool the portal's plain connection pool (migrations)
     * @param clock the portal's clock
     * @param workflow the portal's workflow, which handles SAFP's recruitment and DSAL's job-seeker
     *     applications
     * @param events the portal's event publisher: the catalogue's events go there, and the
     *     performance figures and filing records follow the workflow's events from it
     * @param env the settings ({@value #BACKEND_URL}, {@value #PLATFORM_KEY})
     * @param demo whether to seed the demo catalogue
     * @return the wiring; call {@link #started(URI)} once the portal listens
     * @throws GcamException {@code CONFIGURATION_INVALID} when {@value #BACKEND_URL} is not an http(s) address
     */
    public static CatalogWiring register(ResourceConfig config, LocalTransactions tx, DataSource pool, Clock clock,
            WorkflowService workflow, SynchronousEventPublisher events, Map<String, String> env, boolean demo) {
        Migrations.migrate(pool, "catalog");
        AuditTrail audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        JdbcCatalogStore store = new JdbcCatalogStore(tx.dataSource());
        CatalogService catalog = CatalogService.builder().store(store).transactions(tx).audit(audit).events(events)
                .clock(clock).zone(ZoneId.of("Asia/Macau")).refreshInterval(Duration.ofSeconds(5)).build();
        if (demo) {
            seed(catalog, store);
        }
        // SAFP: the workflow in this application, and every recruitment application listed, however filed
        WorkflowServiceConnector safp = new WorkflowServiceConnector(workflow, Map.of(RECRUITMENT, "recruitment"));
        events.subscribe(WorkflowServiceConnector.SUBMITTED, safp.filingRecorder(store),
                SynchronousEventPublisher.OnFailure.PROPAGATE);
        // DSAL: its backend over HTTP, known once the portal (or DSAL's own application) listens
        String key = env.getOrDefault(PLATFORM_KEY, "").isBlank() ? randomKey() : env.get(PLATFORM_KEY).strip();
        String url = env.get(BACKEND_URL);
        LateConnector dsal = new LateConnector("DSAL");
        SingleWindow window = SingleWindow.builder().catalog(catalog).store(store).transactions(tx).audit(audit)
                .events(events).clock(clock).statusTimeout(Duration.ofSeconds(3))
                .connector("SAFP", safp)
                .connector("DSAL", dsal)
                .build();
        // DSAL's side: its job-seeker workflow served to the platform, for the platform only
        config.register(new PlatformKeyFilter(key, PLATFORM), Priorities.AUTHENTICATION);
        config.registerInstances(AgencyBackendResources.create(
                new WorkflowServiceConnector(workflow, Map.of(JOB_SEEKER, "jobseeker")),
                actor -> actor.isSystem() && actor.subjectId().equals(PLATFORM.subjectId())).resources());
        // counted from the workflow's own events, in the workflow's transaction
        ServicePerformance performance = ServicePerformance.builder().store(store).catalog(catalog)
                .calendar(WorkflowWiring.calendar())
                .track("recruitment", RECRUITMENT, Set.of("approved", "rejected", "withdrawn"))
                .track("jobseeker", JOB_SEEKER, Set.of("registered", "rejected", "withdrawn"))
                .build();
        events.subscribe(SynchronousEventPublisher.ALL_TYPES, performance, SynchronousEventPublisher.OnFailure.PROPAGATE);
        config.registerInstances(CatalogResources.create(catalog, window, performance).resources());
        config.register(new CatalogPage(catalog, CatalogWiring::documentName));
        config.register(new MyApplicationsPage(catalog));
        return new CatalogWiring(window, dsal, backendUrl(url), key);
    }

    private static @Nullable URI backendUrl(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, BACKEND_URL
                + " must be an absolute http or https address such as https://dsal.example/api/v1/single-window/");
    }

    /**
     * Connects the single window to DSAL's backend: the address of {@value #BACKEND_URL}, else this
     * portal's own. Until then, DSAL is unavailable.
     *
     * @param portal the address the portal listens on
     */
    public void started(URI portal) {
        URI base = backendUrl != null ? backendUrl : portal.resolve("api/v1/single-window/");
        dsal.connect(HttpServiceConnector.builder("DSAL", base)
                .requestTimeout(Duration.ofSeconds(2))
                .maxAttempts(2)
                .requestCustomizer(r -> r.header(PLATFORM_KEY_HEADER, key))
                .build());
        LOG.info("Single window: DSAL's backend is {}", base);
    }

    /** @return the single window (its threads are daemons) */
    public SingleWindow window() {
        return window;
    }

    /**
     * The name of a required document, from the document types the portal's intake knows
     * ({@link DocumentsWiring#RECRUITMENT}). The catalogue writes codes in upper case with
     * underscores, the intake its types in lower case with hyphens: {@code ID_CARD} is the type
     * {@code id-card}.
     *
     * @param code a required-document code of a catalogue step
     * @return its name, or empty when the portal does not know that type
     */
    static Optional<LocalizedText> documentName(String code) {
        return DocumentsWiring.RECRUITMENT.requirement(code.toLowerCase(Locale.ROOT).replace('_', '-'))
                .map(DocumentRequirement::name);
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
                        List.of("ID_CARD", "DIPLOMA"),
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
                .step(new Step(LocalizedText.of("Register online, at a counter or by phone", "網上、到櫃檯或致電登記",
                        "Inscreva-se online, ao balcão ou por telefone"), null, List.of("ID_CARD", "CV"), List.of(),
                        Set.of(Channel.ONLINE, Channel.COUNTER, Channel.PHONE)))
                .processingTime(new ProcessingTime(1, 5))
                .contactPoint(new ContactPoint(LocalizedText.of("Employment services", "就業服務", "Serviços de emprego"),
                        null, null, null))
                .build();
    }
}
