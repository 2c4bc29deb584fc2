package io.gcam.samples.portal.workflow;

import io.gcam.core.AuditTrail;
import io.gcam.core.BusinessCalendar;
import io.gcam.core.ConfiguredHolidayCalendar;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.rest.workflow.WorkflowResources;
import io.gcam.workflow.StatusInquiries;
import io.gcam.workflow.WorkflowDefinition;
import io.gcam.workflow.WorkflowDefinitions;
import io.gcam.workflow.WorkflowService;
import io.gcam.workflow.jdbc.JdbcApplicationStore;
import io.gcam.workflow.jdbc.JdbcInquiryLimitStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Wires gcam-workflow into the portal: the recruitment application type from
 * {@code workflows/recruitment-v1.json}, the JDBC store, Macao public holidays, and the REST API
 * of {@link WorkflowResources}, and two pages: the applicant's status and timeline ({@link StatusPage},
 * {@code /status}) and the staff inbox with action buttons ({@link InboxPage}, {@code /staff/inbox}).
 */
public final class WorkflowWiring {

    /** Some of Macao's 2026 public holidays, for the SLA due dates of the demo. */
    static final List<String> HOLIDAYS_2026 = List.of("2026-01-01", "2026-02-17", "2026-02-18", "2026-02-19",
            "2026-04-03", "2026-04-04", "2026-04-05", "2026-05-01", "2026-10-01", "2026-10-02", "2026-12-20",
            "2026-12-24", "2026-12-25");

    private WorkflowWiring() {
    }

    /**
     * Migrates the workflow tables and registers the workflow resources.
     *
     * @param config the portal's Jersey configuration
     * @param pool the portal's connection pool
     * @param clock the portal's clock
     * @return the workflow service, e.g. for an SLA escalation schedule
     */
    public static WorkflowService register(ResourceConfig config, DataSource pool, Clock clock) {
        Migrations.migrate(pool, "workflow");
        LocalTransactions tx = LocalTransactions.over(pool);
        WorkflowService workflow = WorkflowService.builder()
                .definitions(WorkflowDefinitions.of(WorkflowDefinition.fromResource(
                        WorkflowWiring.class.getClassLoader(), "workflows/recruitment-v1.json")))
                .store(JdbcApplicationStore.create(tx.dataSource()))
                .referenceNumbers(ReferenceNumberGenerator.builder()
                        .name("application")
                        .format("REC-[cy:yyyy]-[SEQ:6]-[CHK]")
                        .store(JdbcSequenceStore.create(pool))
                        .clock(clock)
                        .build())
                .transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                .events(SynchronousEventPublisher.create())
                .calendar(BusinessCalendar.builder()
                        .holidays(ConfiguredHolidayCalendar.parse(HOLIDAYS_2026))
                        .zone(ZoneId.of("Asia/Macau"))
                        .build())
                .clock(clock)
                .build();
        // counted in the database, so the limit holds however many portal instances share it
        StatusInquiries inquiries = StatusInquiries.builder().workflow(workflow)
                .limits(JdbcInquiryLimitStore.create(pool)).clock(clock).build();
        config.registerInstances(WorkflowResources.create(workflow, inquiries).resources());
        config.registerInstances(new StatusPage(inquiries), new InboxPage());
        return workflow;
    }
}
