package io.gcam.catalog;

import static io.gcam.catalog.Fixture.SAFP_EDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.catalog.spi.CatalogStore;
import io.gcam.catalog.workflow.WorkflowServiceConnector;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.BusinessCalendar;
import io.gcam.core.DomainEvent;
import io.gcam.core.DomainEventListener;
import io.gcam.core.GcamException;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.workflow.WorkflowDefinition;
import io.gcam.workflow.WorkflowDefinitions;
import io.gcam.workflow.WorkflowService;
import io.gcam.workflow.jdbc.JdbcApplicationStore;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The single window over a GCAM workflow in the same application, and the figures its events feed. */
class LocalWorkflowSingleWindowTest {

    private static final Actor CITIZEN = Actor.applicant("citizen-7");
    private static final Actor SCREENER = Actor.staff("screener-1", "SAFP", "SCREENER");
    private static final Actor SCREENER_2 = Actor.staff("screener-2", "SAFP", "SCREENER");
    private static final Actor DIRECTOR = Actor.staff("director-1", "SAFP", "APPROVER");

    private HikariDataSource pool;
    private Fixture f;
    private WorkflowService workflow;
    private ServicePerformance performance;
    private SingleWindow window;

    @BeforeEach
    void setUp() {
        pool = newPool();
        f = new Fixture(pool, "workflow");
        WorkflowDefinitions definitions = WorkflowDefinitions.of(WorkflowDefinition.fromResource(
                getClass().getClassLoader(), "workflows/recruitment-v1.json"));
        BusinessCalendar calendar = BusinessCalendar.builder().zone(ZoneId.of("Asia/Macau")).build();
        workflow = WorkflowService.builder()
                .definitions(definitions)
                .store(JdbcApplicationStore.create(f.tx.dataSource()))
                .referenceNumbers(ReferenceNumberGenerator.builder().name("application").format("REC-[cy:yyyy]-[SEQ:6]")
                        .store(JdbcSequenceStore.joining(f.tx.dataSource())).clock(f.clock).build())
                .transactions(f.tx).audit(f.audit).events(f.events).calendar(calendar).clock(f.clock)
                .build();
        performance = ServicePerformance.builder().store(f.store).catalog(f.catalog).calendar(calendar)
                .track("recruitment", "SAFP-RECRUIT", WorkflowServiceConnector.terminalStates(definitions, "recruitment"))
                .build();
        f.events.subscribe(SynchronousEventPublisher.ALL_TYPES, performance, SynchronousEventPublisher.OnFailure.PROPAGATE);
        f.catalog.create(SAFP_EDITOR, Fixture.recruitment());
        f.catalog.publish(SAFP_EDITOR, "SAFP-RECRUIT", 1, null);
        window = SingleWindow.builder().catalog(f.catalog).store(f.store).transactions(f.tx).audit(f.audit)
                .events(f.events).clock(f.clock)
                .connector("SAFP", new WorkflowServiceConnector(workflow, Map.of("SAFP-RECRUIT", "recruitment")))
                .build();
    }

    /** @return a pool on a fresh database; H2 here, PostgreSQL in the subclass */
    HikariDataSource newPool() {
        return TestDatabases.h2().newPool(4);
    }

    @AfterEach
    void tearDown() {
        window.close();
        pool.close();
    }

    @Test
    void filesAsAWorkflowApplicationAndShowsItsPublicStatus() {
        ApplicationReceipt receipt = window.apply(CITIZEN, "SAFP-RECRUIT", "{\"post\":\"clerk\"}");

        assertThat(receipt.filing().referenceNumber()).startsWith("REC-2026-");
        assertThat(receipt.accessCode()).isNotBlank();
        assertThat(workflow.get(CITIZEN, receipt.filing().applicationId()).agency()).isEqualTo("SAFP");
        assertThat(window.myApplications(CITIZEN).items()).singleElement().satisfies(item -> {
            assertThat(item.available()).isTrue();
            assertThat(item.status().status().en()).isEqualTo("Received");
            assertThat(item.status().finished()).isFalse();
        });

        workflow.perform(SCREENER, receipt.filing().applicationId(), "start_screening", null, null);

        assertThat(window.myApplications(CITIZEN).items().get(0).status().status().pt()).isEqualTo("Em análise");
    }

    @Test
    void countsReceivedAndCompletedApplicationsWithMedianAndSlaCompliance() {
        String fast = window.apply(CITIZEN, "SAFP-RECRUIT", "{}").filing().applicationId();
        String slow = window.apply(Actor.applicant("citizen-8"), "SAFP-RECRUIT", "{}").filing().applicationId();
        window.apply(Actor.applicant("citizen-9"), "SAFP-RECRUIT", "{}");
        f.clock.advance(Duration.ofDays(7)); // Tuesday 29 Sep -> Tuesday 6 Oct: 5 working days
        finish(fast, "reject");
        f.clock.advance(Duration.ofDays(91)); // far beyond the 60-working-day commitment, in January
        finish(slow, "reject");

        List<MonthlyFigures> figures = performance.figures(DIRECTOR, "SAFP-RECRUIT", YearMonth.of(2026, 9),
                YearMonth.of(2027, 1));

        assertThat(figures).hasSize(5);
        MonthlyFigures september = figures.get(0);
        assertThat(september.received()).isEqualTo(3);
        assertThat(september.completed()).isZero();
        assertThat(september.medianWorkingDays()).isNull();
        MonthlyFigures october = figures.get(1);
        assertThat(october.received()).isZero();
        assertThat(october.completed()).isEqualTo(1);
        assertThat(october.medianWorkingDays()).isEqualTo(5.0);
        assertThat(october.slaWorkingDays()).isEqualTo(60);
        assertThat(october.slaCompliance()).isEqualTo(1.0);
        MonthlyFigures january = figures.get(4);
        assertThat(january.completed()).isEqualTo(1);
        assertThat(january.slaCompliance()).isEqualTo(0.0);
        assertThat(january.medianWorkingDays()).isGreaterThan(60.0);
    }

    @Test
    void showsFiguresOnlyToStaffOfTheAgency() {
        assertThatThrownBy(() -> performance.figures(Fixture.DSAL_EDITOR, "SAFP-RECRUIT", YearMonth.of(2026, 9),
                YearMonth.of(2026, 9))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> performance.figures(CITIZEN, "SAFP-RECRUIT", YearMonth.of(2026, 9),
                YearMonth.of(2026, 9))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void doesNotCountAnApplicationWhoseWorkflowChangeRolledBack() {
        assertThatThrownBy(() -> f.tx.inTransaction(() -> {
            window.apply(CITIZEN, "SAFP-RECRUIT", "{}");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(performance.figures(DIRECTOR, "SAFP-RECRUIT", YearMonth.of(2026, 9), YearMonth.of(2026, 9))
                .get(0).received()).isZero();
        assertThat(f.store.filingsOf("citizen-7")).isEmpty();
    }

    @Test
    void listsApplicationsSubmittedToTheWorkflowDirectlyWithTheirPublicStatus() {
        SynchronousEventPublisher events = f.events;
        CatalogStore catalogStore = f.store;
        // tag::recorder[]
        WorkflowServiceConnector safp = new WorkflowServiceConnector(workflow, Map.of("SAFP-RECRUIT", "recruitment"));
        events.subscribe(WorkflowServiceConnector.SUBMITTED, safp.filingRecorder(catalogStore),
                SynchronousEventPublisher.OnFailure.PROPAGATE);
        // the citizen applies in the workflow directly, not through the single window
        String direct = workflow.submit(CITIZEN, "recruitment", "SAFP", "{\"post\":\"clerk\"}").application().id();
        // end::recorder[]
        workflow.submit(Actor.applicant("citizen-8"), "recruitment", "SAFP", "{}");
        workflow.perform(SCREENER, direct, "start_screening", null, null);

        MyApplications mine = window.myApplications(CITIZEN);

        assertThat(mine.items()).singleElement().satisfies(item -> {
            assertThat(item.filing().applicationId()).isEqualTo(direct);
            assertThat(item.filing().serviceCode()).isEqualTo("SAFP-RECRUIT");
            assertThat(item.filing().agency()).isEqualTo("SAFP");
            assertThat(item.serviceName().en()).isEqualTo("Civil service recruitment");
            assertThat(item.available()).isTrue();
            assertThat(item.status().status().en()).isEqualTo("Under review");
        });
        assertThat(window.myApplications(Actor.applicant("citizen-8")).items()).hasSize(1);
    }

    @Test
    void recordsAnApplicationFiledThroughTheWindowOnceWhenTheRecorderListensToo() {
        f.events.subscribe(WorkflowServiceConnector.SUBMITTED, safp().filingRecorder(f.store),
                SynchronousEventPublisher.OnFailure.PROPAGATE);

        ApplicationReceipt receipt = window.apply(CITIZEN, "SAFP-RECRUIT", "{}");

        assertThat(f.store.filingsOf("citizen-7")).singleElement().isEqualTo(receipt.filing());
        assertThat(window.myApplications(CITIZEN).items()).hasSize(1);
        assertThat(f.published).filteredOn(e -> e.type().equals("catalog.application_filed")).singleElement()
                .satisfies(e -> assertThat(e.aggregateId()).isEqualTo(receipt.filing().id()));
    }

    @Test
    void recordsARedeliveredSubmissionOnceAndIgnoresOtherEventsAndTypes() {
        DomainEventListener recorder = safp().filingRecorder(f.store);
        f.events.subscribe(WorkflowServiceConnector.SUBMITTED, recorder, SynchronousEventPublisher.OnFailure.PROPAGATE);
        String id = workflow.submit(CITIZEN, "recruitment", "SAFP", "{}").application().id();
        DomainEvent submitted = f.published.stream().filter(e -> e.type().equals(WorkflowServiceConnector.SUBMITTED))
                .findFirst().orElseThrow();

        f.tx.inTransaction(() -> recorder.onEvent(submitted));
        workflow.perform(SCREENER, id, "start_screening", null, null);
        f.published.forEach(recorder::onEvent);
        new WorkflowServiceConnector(workflow, Map.of("OTHER-SERVICE", "other-type")).filingRecorder(f.store)
                .onEvent(submitted);

        assertThat(f.store.filingsOf("citizen-7")).singleElement()
                .satisfies(filing -> assertThat(filing.id()).isEqualTo(submitted.id()));
    }

    @Test
    void recordsNoFilingForADirectSubmissionThatRolledBack() {
        f.events.subscribe(WorkflowServiceConnector.SUBMITTED, safp().filingRecorder(f.store),
                SynchronousEventPublisher.OnFailure.PROPAGATE);

        assertThatThrownBy(() -> f.tx.inTransaction(() -> {
            workflow.submit(CITIZEN, "recruitment", "SAFP", "{}");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(f.store.filingsOf("citizen-7")).isEmpty();
        assertThat(window.myApplications(CITIZEN).items()).isEmpty();
    }

    @Test
    void refusesToRecordFilingsWhenOneTypeServesTwoServices() {
        WorkflowServiceConnector ambiguous = new WorkflowServiceConnector(workflow,
                Map.of("SAFP-RECRUIT", "recruitment", "SAFP-RECRUIT-2", "recruitment"));

        assertThatExceptionOfType(GcamException.class).isThrownBy(() -> ambiguous.filingRecorder(f.store))
                .extracting(GcamException::code).isEqualTo("CONFIGURATION_INVALID");
    }

    private WorkflowServiceConnector safp() {
        return new WorkflowServiceConnector(workflow, Map.of("SAFP-RECRUIT", "recruitment"));
    }

    private void finish(String applicationId, String action) {
        workflow.perform(SCREENER, applicationId, "start_screening", null, null);
        workflow.perform(SCREENER_2, applicationId, action, "not suitable", null);
    }
}
