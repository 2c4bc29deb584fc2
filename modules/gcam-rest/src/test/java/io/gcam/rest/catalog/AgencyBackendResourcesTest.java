package io.gcam.rest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.catalog.CatalogException;
import io.gcam.catalog.CatalogService;
import io.gcam.catalog.Channel;
import io.gcam.catalog.MyApplications;
import io.gcam.catalog.ServiceDefinition;
import io.gcam.catalog.SingleWindow;
import io.gcam.catalog.Step;
import io.gcam.catalog.http.HttpServiceConnector;
import io.gcam.catalog.jdbc.JdbcCatalogStore;
import io.gcam.catalog.spi.FiledApplication;
import io.gcam.catalog.spi.FilingRequest;
import io.gcam.catalog.workflow.WorkflowServiceConnector;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.rest.GcamRestFeature;
import io.gcam.workflow.WorkflowDefinition;
import io.gcam.workflow.WorkflowDefinitions;
import io.gcam.workflow.WorkflowService;
import io.gcam.workflow.jdbc.JdbcApplicationStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agency running GCAM elsewhere: its workflow behind {@link AgencyBackendResources} on a real HTTP
 * server, and the platform's single window reaching it through {@link HttpServiceConnector}.
 */
class AgencyBackendResourcesTest {

    private static final Actor CITIZEN = Actor.applicant("citizen-5");

    private HttpServer agencyServer;
    private URI agencyBase;
    private WorkflowService workflow;
    private CatalogService catalog;
    private JdbcCatalogStore platformStore;
    private LocalTransactions platformTx;
    private AuditTrail platformAudit;

    @BeforeEach
    void start() {
        Clock clock = Clock.systemUTC();
        // The agency: its own database, workflow and REST application.
        JdbcDataSource agencyDb = new JdbcDataSource();
        agencyDb.setURL("jdbc:h2:mem:agency-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(agencyDb, "core");
        Migrations.migrate(agencyDb, "workflow");
        LocalTransactions agencyTx = LocalTransactions.over(agencyDb);
        workflow = WorkflowService.builder()
                .definitions(WorkflowDefinitions.of(WorkflowDefinition.fromResource(getClass().getClassLoader(),
                        "workflows/recruitment-v1.json")))
                .store(JdbcApplicationStore.create(agencyTx.dataSource()))
                .referenceNumbers(ReferenceNumberGenerator.builder().name("application").format("DSAL-[SEQ:6]")
                        .store(JdbcSequenceStore.joining(agencyTx.dataSource())).clock(clock).build())
                .transactions(agencyTx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(agencyTx.dataSource())).clock(clock).build())
                .events(e -> { })
                .clock(clock)
                .build();
        ResourceConfig config = new ResourceConfig()
                .register(GcamRestFeature.builder()
                        .actorResolver(request -> Optional.ofNullable(request.getHeaderString("Authorization"))
                                .map(auth -> auth.equals("Bearer platform-secret") ? Actor.system("single-window")
                                        : Actor.applicant(auth.substring("Bearer ".length()))))
                        .idempotentExecutor(IdempotentExecutor.builder().store(new JdbcIdempotencyStore(agencyDb))
                                .clock(clock).build())
                        .build())
                .registerInstances(AgencyBackendResources.create(
                        new WorkflowServiceConnector(workflow, Map.of("DSAL-JOBSEEK", "recruitment"))).resources())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        agencyServer = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
        agencyBase = URI.create("http://127.0.0.1:" + agencyServer.getListener("grizzly").getPort()
                + "/api/v1/single-window/");

        // The platform: its own database with the catalogue.
        JdbcDataSource platformDb = new JdbcDataSource();
        platformDb.setURL("jdbc:h2:mem:platform-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(platformDb, "core");
        Migrations.migrate(platformDb, "catalog");
        platformTx = LocalTransactions.over(platformDb);
        platformAudit = AuditTrail.builder().store(new JdbcAuditStore(platformTx.dataSource())).clock(clock).build();
        platformStore = new JdbcCatalogStore(platformTx.dataSource());
        catalog = CatalogService.builder().store(platformStore).transactions(platformTx).audit(platformAudit)
                .events(e -> { }).clock(clock).build();
        Actor system = Actor.system("seed");
        catalog.create(system, ServiceDefinition.builder("DSAL-JOBSEEK", "DSAL")
                .name(LocalizedText.of("Job seeker registration", "求職登記", "Inscrição de candidato a emprego"))
                .description(LocalizedText.english("Register as a job seeker."))
                .category("employment")
                .step(new Step(LocalizedText.english("Register"), null, List.of(), List.of(), Set.of(Channel.ONLINE)))
                .build());
        catalog.publish(system, "DSAL-JOBSEEK", 1, null);
    }

    @AfterEach
    void stop() {
        agencyServer.shutdownNow();
    }

    private HttpServiceConnector connector(String token) {
        return HttpServiceConnector.builder("DSAL", agencyBase)
                .requestCustomizer(r -> r.header("Authorization", "Bearer " + token)).build();
    }

    @Test
    void filesWithTheRemoteWorkflowAndShowsItsStatusInMyApplications() {
        try (SingleWindow window = SingleWindow.builder().catalog(catalog).store(platformStore)
                .transactions(platformTx).audit(platformAudit).events(e -> { })
                .connector("DSAL", connector("platform-secret")).statusTimeout(Duration.ofSeconds(10)).build()) {

            String reference = window.apply(CITIZEN, "DSAL-JOBSEEK", "{\"sector\":\"IT\"}").filing().referenceNumber();

            assertThat(reference).startsWith("DSAL-");
            MyApplications mine = window.myApplications(CITIZEN);
            assertThat(mine.unavailableAgencies()).isEmpty();
            assertThat(mine.items()).singleElement().satisfies(item -> {
                assertThat(item.available()).isTrue();
                assertThat(item.status().status().en()).isEqualTo("Received");
                assertThat(workflow.get(CITIZEN, item.filing().applicationId()).formData()).contains("IT");
            });
            assertThat(window.myApplications(Actor.applicant("someone-else")).items()).isEmpty();
        }
    }

    @Test
    void filesOnceForOneFilingIdHoweverOftenThePlatformRetries() {
        HttpServiceConnector platform = connector("platform-secret");
        FilingRequest request = new FilingRequest("filing-42", "DSAL-JOBSEEK", "DSAL", "citizen-5", "{}");

        FiledApplication first = platform.file(request);
        FiledApplication again = platform.file(request);

        assertThat(again.applicationId()).isEqualTo(first.applicationId());
        assertThat(platform.statuses("citizen-5", List.of(first.applicationId()))).hasSize(1);
        assertThat(platform.statuses("citizen-6", List.of(first.applicationId()))).isEmpty();
    }

    @Test
    void refusesCallersThatAreNotThePlatform() {
        FilingRequest request = new FilingRequest("filing-43", "DSAL-JOBSEEK", "DSAL", "citizen-5", "{}");

        assertThatThrownBy(() -> connector("citizen-5").file(request))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo("AGENCY_REJECTED"));
        assertThatThrownBy(() -> connector("citizen-5").statuses("citizen-5", List.of("x")))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo("AGENCY_REJECTED"));
    }
}
