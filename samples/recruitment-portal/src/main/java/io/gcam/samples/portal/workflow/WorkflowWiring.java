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
import io.gcam.rest.ClientAddress;
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
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires gcam-workflow into the portal: the recruitment application type from
 * {@code workflows/recruitment-v1.json} (SAFP) and the job-seeker registration from
 * {@code workflows/jobseeker-v1.json} (DSAL), the JDBC store, Macao public holidays, and the REST API
 * of {@link WorkflowResources}, and two pages: the applicant's status and timeline ({@link StatusPage},
 * {@code /status}) and the staff inbox with action buttons ({@link InboxPage}, {@code /staff/inbox}).
 */
public final class WorkflowWiring {

    /** Some of Macao's 2026 public holidays, for the SLA due dates of the demo. */
    static final List<String> HOLIDAYS_2026 = List.of("2026-01-01", "2026-02-17", "2026-02-18", "2026-02-19",
            "2026-04-03", "2026-04-04", "2026-04-05", "2026-05-01", "2026-10-01", "2026-10-02", "2026-12-20",
            "2026-12-24", "2026-12-25");

    /** Failed status inquiries a kiosk may make per window (15 minutes). */
    public static final int KIOSK_MAX_FAILURES = 50;

    private WorkflowWiring() {
    }

    /**
     * The working-day calendar of the portal's SLAs: Asia/Macau, Monday to Friday, without
     * {@link #HOLIDAYS_2026}.
     *
     * @return the calendar
     */
    public static BusinessCalendar calendar() {
        return BusinessCalendar.builder()
                .holidays(ConfiguredHolidayCalendar.parse(HOLIDAYS_2026))
                .zone(ZoneId.of("Asia/Macau"))
                .build();
    }

    /**
     * Migrates the workflow tables and registers the workflow resources.
     *
     * @param config the portal's Jersey configuration
     * @param tx the portal's transactions, shared by the modules so that a listener's work (filing
     *     records, counting performance figures) commits or rolls back with the workflow change
     * @param pool the portal's plain connection pool (migrations, reference numbers)
     * @param clock the portal's clock
     * @param events the portal's event publisher; workflow events are published on it inside the
     *     workflow's transaction
     * @param clients finds the client address status inquiries are rate limited by (the portal's
     *     container adapter sets {@link ClientAddress#PROPERTY})
     * @param kiosks the addresses of the portal's kiosks, which many people use in turn: each may
     *     fail {@value #KIOSK_MAX_FAILURES} status inquiries per window instead of 5
     * @param onStop takes what the portal must close when it stops (the housekeeping schedule)
     * @return the workflow service
     */
    public static WorkflowService register(ResourceConfig config, LocalTransactions tx, DataSource pool, Clock clock,
            SynchronousEventPublisher events, ClientAddress clients, Set<String> kiosks,
            Consumer<AutoCloseable> onStop) {
        Migrations.migrate(pool, "workflow");
        WorkflowService workflow = WorkflowService.builder()
                .definitions(WorkflowDefinitions.of(
                        WorkflowDefinition.fromResource(WorkflowWiring.class.getClassLoader(), "workflows/recruitment-v1.json"),
                        // DSAL's job-seeker registration, filed through the single window (see CatalogWiring)
                        WorkflowDefinition.fromResource(WorkflowWiring.class.getClassLoader(), "workflows/jobseeker-v1.json")))
                .store(JdbcApplicationStore.create(tx.dataSource()))
                .referenceNumbers(ReferenceNumberGenerator.builder()
                        .name("application")
                        .format("REC-[cy:yyyy]-[SEQ:6]-[CHK]")
                        .store(JdbcSequenceStore.create(pool))
                        .clock(clock)
                        .build())
                .transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                .events(events)
                .calendar(calendar())
                .clock(clock)
                .build();
        // counted in the database, so the limit holds however many portal instances share it
        StatusInquiries.Builder limits = StatusInquiries.builder().workflow(workflow)
                .limits(JdbcInquiryLimitStore.create(pool)).clock(clock);
        // a few codes mistyped by earlier visitors must not lock a kiosk for the next one; each
        // reference number keeps its own limit of 5, which is what protects its access code
        kiosks.forEach(kiosk -> limits.sharedClient(kiosk, KIOSK_MAX_FAILURES));
        StatusInquiries inquiries = limits.build();
        config.registerInstances(WorkflowResources.create(workflow, inquiries, clients).resources());
        config.registerInstances(new StatusPage(inquiries, clients), new InboxPage());
        onStop.accept(new Housekeeping(workflow, inquiries));
        return workflow;
    }

    /**
     * Escalates SLA breaches (taking each state's {@code onSlaBreach} action) and forgets ended
     * inquiry-limit windows once a minute while the portal runs. Safe with several portal instances
     * on one database: the workflow escalates each breach exactly once.
     */
    static final class Housekeeping implements AutoCloseable {

        /** The name of the housekeeping thread. */
        static final String THREAD = "portal-workflow-housekeeping";
        private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

        private final WorkflowService workflow;
        private final StatusInquiries inquiries;
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD);
            thread.setDaemon(true);
            return thread;
        });

        Housekeeping(WorkflowService workflow, StatusInquiries inquiries) {
            this.workflow = workflow;
            this.inquiries = inquiries;
            scheduler.scheduleWithFixedDelay(this::run, 1, 60, TimeUnit.SECONDS);
        }

        /** Stops the schedule; a run in progress finishes on its own. */
        @Override
        public void close() {
            scheduler.shutdownNow();
        }

        void run() {
            try {
                int escalated = workflow.escalateBreaches(100);
                int purged = inquiries.purgeEndedWindows();
                if (escalated > 0 || purged > 0) {
                    LOG.info("Workflow housekeeping: {} SLA breaches escalated, {} inquiry windows forgotten", escalated,
                            purged);
                }
            } catch (RuntimeException e) {
                // the next run tries again; a scheduled task that throws would never run again
                LOG.warn("Workflow housekeeping failed: {}", e.toString());
            }
        }
    }
}
