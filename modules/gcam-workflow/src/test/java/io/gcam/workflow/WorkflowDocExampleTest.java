package io.gcam.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.BusinessCalendar;
import io.gcam.core.ConfiguredHolidayCalendar;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.workflow.jdbc.JdbcApplicationStore;
import io.gcam.workflow.jdbc.JdbcInquiryLimitStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The snippet of docs/modules/workflow.md, compiled and run. */
class WorkflowDocExampleTest {

    @Test
    void runsTheDocumentedExample() {
        DataSource pool = TestDatabases.h2().dataSource();
        // tag::quick-start[]
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "workflow");
        LocalTransactions tx = LocalTransactions.over(pool);
        WorkflowService workflow = WorkflowService.builder()
                .definitions(WorkflowDefinitions.of(WorkflowDefinition.fromResource(
                        getClass().getClassLoader(), "workflows/recruitment-v1.json")))
                .store(JdbcApplicationStore.create(tx.dataSource()))
                .referenceNumbers(ReferenceNumberGenerator.builder().name("application")
                        .format("REC-[cy:yyyy]-[SEQ:6]-[CHK]").store(JdbcSequenceStore.create(pool)).build())
                .transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                .events(SynchronousEventPublisher.create())
                .calendar(BusinessCalendar.builder()
                        .holidays(ConfiguredHolidayCalendar.parse(List.of("2026-10-01", "2026-10-02")))
                        .zone(ZoneId.of("Asia/Macau")).build())
                .build();

        Submission submission = workflow.submit(Actor.applicant("citizen-42"), "recruitment", "SAFP",
                "{\"post\":\"clerk\"}");
        String id = submission.application().id();     // show submission.accessCode() to the applicant once
        Actor screener = Actor.staff("staff-7", "SAFP", "SCREENER");
        workflow.perform(screener, id, "start_screening", null, 1L);   // 1L: the version the screener saw
        workflow.perform(screener, id, "invite_to_interview", "strong profile", null);
        workflow.perform(Actor.staff("staff-8", "SAFP", "PANEL"), id, "approve", null, null);
        Application done = workflow.perform(Actor.staff("staff-9", "SAFP", "PANEL"), id, "approve", null, null);
        PublicStatus status = workflow.publicStatus(Actor.applicant("citizen-42"), id);
        // end::quick-start[]
        assertThat(done.state()).isEqualTo("approved");
        assertThat(status.status().en()).isEqualTo("Approved");
        assertThat(status.timeline()).hasSize(4);
    }

    @Test
    void runsTheDocumentedInquiryExample() {
        DataSource pool = TestDatabases.h2().dataSource();
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "workflow");
        LocalTransactions tx = LocalTransactions.over(pool);
        WorkflowService workflow = WorkflowService.builder()
                .definitions(WorkflowDefinitions.of(WorkflowDefinition.fromResource(
                        getClass().getClassLoader(), "workflows/recruitment-v1.json")))
                .store(JdbcApplicationStore.create(tx.dataSource()))
                .referenceNumbers(ReferenceNumberGenerator.builder().name("application")
                        .format("REC-[cy:yyyy]-[SEQ:6]-[CHK]").store(JdbcSequenceStore.create(pool)).build())
                .transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                .events(SynchronousEventPublisher.create())
                .build();
        // tag::inquiry[]
        StatusInquiries inquiries = StatusInquiries.builder()
                .workflow(workflow)
                .limits(JdbcInquiryLimitStore.create(pool))   // one count for every instance
                .maxFailures(5)
                .window(Duration.ofMinutes(15))
                .build();
        Submission submission = workflow.submit(Actor.applicant("citizen-42"), "recruitment", "SAFP",
                "{\"post\":\"clerk\"}", LocalDate.of(1990, 5, 17));
        String reference = submission.application().referenceNumber();
        // at a kiosk, without login: the reference number plus the access code or the date of birth
        PublicStatus byCode = inquiries.inquire(reference, submission.accessCode(), "kiosk-3");
        PublicStatus byBirth = inquiries.inquireByDateOfBirth(reference, LocalDate.of(1990, 5, 17), "kiosk-3");
        // end::inquiry[]
        assertThat(byCode).isEqualTo(byBirth);
        assertThat(byCode.status().en()).isEqualTo("Received");
    }
}
