package io.gcam.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.testsupport.db.TestDatabases;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkflowServiceTest {

    private static final String FORM = "{\"post\":\"clerk\"}";
    private final Actor applicant = Actor.applicant("citizen-1");
    private final Actor screener = Actor.staff("staff-s", "SAFP", "SCREENER");
    private final Actor panel1 = Actor.staff("staff-p1", "SAFP", "PANEL");
    private final Actor panel2 = Actor.staff("staff-p2", "SAFP", "PANEL");
    private final Actor panelAndScreener = Actor.staff("staff-ps", "SAFP", "PANEL", "SCREENER");
    private Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(TestDatabases.h2().dataSource());
    }

    private Application submit() {
        return f.workflow.submit(applicant, "recruitment", "SAFP", FORM).application();
    }

    private static void assertCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private Application toInterview() {
        Application a = submit();
        f.workflow.perform(screener, a.id(), "start_screening", null, null);
        return f.workflow.perform(screener, a.id(), "invite_to_interview", null, null);
    }

    @Test
    void submitsInTheStartStateWithReferenceNumberDueDatesHistoryAuditAndEvent() {
        Submission s = f.workflow.submit(applicant, "recruitment", "SAFP", FORM);
        Application a = s.application();
        assertThat(a.referenceNumber()).matches("REC-2026-000001-\\d\\d");
        assertThat(a.state()).isEqualTo("submitted");
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.definitionVersion()).isEqualTo(1);
        // Tuesday 29 Sep + 2 working days, skipping the 1-2 Oct holidays and the weekend
        assertThat(a.stateDueOn()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(a.dueOn()).isNotNull();
        assertThat(s.accessCode()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(f.workflow.get(applicant, a.id())).isEqualTo(a);
        assertThat(f.count("SELECT COUNT(*) FROM gcam_wf_history WHERE application_id = ?", a.id())).isEqualTo(1);
        assertThat(f.count("SELECT COUNT(*) FROM gcam_audit_entry WHERE object_id = ?", a.id())).isEqualTo(1);
        assertThat(f.published).extracting(DomainEvent::type).containsExactly("workflow.application_submitted");
        assertThat(f.count("SELECT COUNT(*) FROM gcam_wf_application WHERE access_code_hash LIKE 'pbkdf2$%'"))
                .isEqualTo(1);
        assertThat(f.count("SELECT COUNT(*) FROM gcam_wf_application WHERE access_code_hash LIKE ?",
                "%" + s.accessCode() + "%")).isZero();
    }

    @Test
    void rejectsFormDataThatIsNotAJsonObjectAndSubmissionsByStaff() {
        assertCode(() -> f.workflow.submit(applicant, "recruitment", "SAFP", "[1]"), "VALIDATION_FAILED");
        assertCode(() -> f.workflow.submit(applicant, "recruitment", "SAFP", "{"), "VALIDATION_FAILED");
        assertCode(() -> f.workflow.submit(screener, "recruitment", "SAFP", FORM), "ACCESS_DENIED");
        assertCode(() -> f.workflow.submit(applicant, "nothing", "SAFP", FORM), "WORKFLOW_TYPE_UNKNOWN");
        assertThat(f.count("SELECT COUNT(*) FROM gcam_wf_application")).isZero();
    }

    @Test
    void movesThroughTheWorkflowAndRecordsEveryStep() {
        Application a = submit();
        a = f.workflow.perform(screener, a.id(), "start_screening", null, 1L);
        assertThat(a.state()).isEqualTo("screening");
        assertThat(a.version()).isEqualTo(2);
        a = f.workflow.perform(screener, a.id(), "invite_to_interview", "strong candidate", 2L);
        a = f.workflow.perform(panel1, a.id(), "approve", null, null);
        assertThat(a.state()).isEqualTo("interview");
        a = f.workflow.perform(panel2, a.id(), "approve", null, null);
        assertThat(a.state()).isEqualTo("approved");
        assertThat(a.stateDueOn()).isNull();
        List<HistoryEntry> history = f.workflow.history(screener, a.id());
        assertThat(history).extracting(HistoryEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(history).extracting(HistoryEntry::toState)
                .containsExactly("submitted", "screening", "interview", "interview", "approved");
        assertThat(history.get(2).comment()).isEqualTo("strong candidate");
        assertThat(history.get(4).actorId()).isEqualTo("staff-p2");
        assertThat(f.count("SELECT COUNT(*) FROM gcam_audit_entry WHERE object_id = ?", a.id())).isEqualTo(5);
        assertThat(f.published).extracting(DomainEvent::type).containsExactly("workflow.application_submitted",
                "workflow.application_transitioned", "workflow.application_transitioned",
                "workflow.approval_recorded", "workflow.application_transitioned");
        assertThat(f.audit.verify().ok()).isTrue();
    }

    @Test
    void refusesToSkipSteps() {
        Application a = submit();
        assertCode(() -> f.workflow.perform(panel1, a.id(), "approve", null, null), "WORKFLOW_ACTION_NOT_AVAILABLE");
        assertCode(() -> f.workflow.perform(screener, a.id(), "invite_to_interview", null, null),
                "WORKFLOW_ACTION_NOT_AVAILABLE");
        assertCode(() -> f.workflow.perform(screener, a.id(), "fast_track", null, null), "WORKFLOW_ACTION_UNKNOWN");
        assertThat(f.workflow.get(screener, a.id()).version()).isEqualTo(1);
    }

    @Test
    void refusesActorsWithoutTheRoleFromAnotherAgencyOrNotOwningTheApplication() {
        Application a = submit();
        assertCode(() -> f.workflow.perform(panel1, a.id(), "start_screening", null, null), "ACCESS_DENIED");
        assertCode(() -> f.workflow.perform(Actor.staff("other", "DSAL", "SCREENER"), a.id(), "start_screening",
                null, null), "NOT_FOUND");
        assertCode(() -> f.workflow.perform(applicant, a.id(), "start_screening", null, null), "ACCESS_DENIED");
        assertCode(() -> f.workflow.perform(Actor.applicant("citizen-2"), a.id(), "withdraw", null, null),
                "NOT_FOUND");
        assertCode(() -> f.workflow.get(Actor.applicant("citizen-2"), a.id()), "NOT_FOUND");
        assertCode(() -> f.workflow.history(applicant, a.id()), "ACCESS_DENIED");
    }

    @Test
    void neverLetsStaffActOnTheirOwnApplication() {
        Actor sameAsStaff = Actor.applicant("staff-s");
        Application a = f.workflow.submit(sameAsStaff, "recruitment", "SAFP", FORM).application();
        assertCode(() -> f.workflow.perform(screener, a.id(), "start_screening", null, null),
                "WORKFLOW_OWN_APPLICATION");
        assertCode(() -> f.workflow.assign(screener, a.id(), "staff-x", null), "WORKFLOW_OWN_APPLICATION");
    }

    @Test
    void needsTwoDistinctApproversAndBarsWhoeverTookThePreviousStep() {
        Application a = submit();
        f.workflow.perform(panelAndScreener, a.id(), "start_screening", null, null);
        f.workflow.perform(panelAndScreener, a.id(), "invite_to_interview", null, null);
        assertCode(() -> f.workflow.perform(panelAndScreener, a.id(), "approve", null, null), "WORKFLOW_SAME_ACTOR");
        Application once = f.workflow.perform(panel1, a.id(), "approve", null, null);
        assertThat(once.state()).isEqualTo("interview");
        assertThat(once.pendingAction()).isEqualTo("approve");
        assertThat(once.approvers()).containsExactly("staff-p1");
        assertCode(() -> f.workflow.perform(panel1, a.id(), "approve", null, null), "WORKFLOW_ALREADY_APPROVED");
        assertThat(f.workflow.perform(panel2, a.id(), "approve", null, null).state()).isEqualTo("approved");
    }

    @Test
    void rejectsAStaleExpectedVersionWithConflict() {
        Application a = submit();
        f.workflow.perform(screener, a.id(), "start_screening", null, 1L);
        assertCode(() -> f.workflow.perform(screener, a.id(), "invite_to_interview", null, 1L), "CONFLICT");
        assertThat(f.workflow.get(screener, a.id()).state()).isEqualTo("screening");
    }

    @Test
    void requiresACommentWhereTheDefinitionSaysSo() {
        Application a = submit();
        f.workflow.perform(screener, a.id(), "start_screening", null, null);
        assertCode(() -> f.workflow.perform(screener, a.id(), "reject", "  ", null), "WORKFLOW_COMMENT_REQUIRED");
        assertThat(f.workflow.perform(screener, a.id(), "reject", "not eligible", null).state())
                .isEqualTo("rejected");
    }

    @Test
    void sendsBackToTheApplicantAndAcceptsTheResubmission() {
        Application a = submit();
        f.workflow.perform(screener, a.id(), "start_screening", null, null);
        Application back = f.workflow.perform(screener, a.id(), "request_documents", "ID card copy unreadable", null);
        assertThat(back.state()).isEqualTo("documents_requested");
        assertThat(back.stateDueOn()).isNull();
        PublicStatus status = f.workflow.publicStatus(applicant, a.id());
        assertThat(status.documentsAllowed()).isTrue();
        assertThat(status.status().en()).isEqualTo("Documents requested");
        assertCode(() -> f.workflow.perform(screener, a.id(), "resubmit", null, null), "ACCESS_DENIED");
        Application again = f.workflow.perform(applicant, a.id(), "resubmit", null, null);
        assertThat(again.state()).isEqualTo("resubmitted");
        assertThat(f.workflow.perform(screener, a.id(), "request_documents", "still missing", null).state())
                .isEqualTo("documents_requested");
    }

    @Test
    void letsTheApplicantWithdrawUntilTheApplicationIsFinished() {
        Application a = toInterview();
        assertThat(f.workflow.perform(applicant, a.id(), "withdraw", null, null).state()).isEqualTo("withdrawn");
        assertCode(() -> f.workflow.perform(applicant, a.id(), "withdraw", null, null),
                "WORKFLOW_ACTION_NOT_AVAILABLE");
        assertCode(() -> f.workflow.perform(panel1, a.id(), "reject", "late", null), "WORKFLOW_ACTION_NOT_AVAILABLE");
        assertCode(() -> f.workflow.perform(screener, a.id(), "withdraw", null, null), "ACCESS_DENIED");
    }

    @Test
    void showsApplicantsPublicLabelsAndTimelineButNeverComments() {
        Application a = submit();
        f.workflow.perform(screener, a.id(), "start_screening", "internal: check the degree", null);
        f.workflow.perform(screener, a.id(), "invite_to_interview", "internal remark", null);
        f.workflow.perform(panel1, a.id(), "approve", "first approval", null);
        PublicStatus status = f.workflow.publicStatus(applicant, a.id());
        assertThat(status.referenceNumber()).isEqualTo(a.referenceNumber());
        assertThat(status.status()).isEqualTo(LocalizedText.of("Interview", "面試", "Entrevista"));
        assertThat(status.finished()).isFalse();
        assertThat(status.timeline()).extracting(s -> s.status().en())
                .containsExactly("Received", "Under review", "Interview");
        assertThat(status.toString()).doesNotContain("internal", "staff-", "screening", "first approval");
    }

    @Test
    void refusesWhenAGuardRefusesAndRunsGuardsOnlyForTheirActions() {
        WorkflowDefinition guarded = WorkflowDefinition.builder("permit", 1).start("filed")
                .state(new StateDefinition("filed", LocalizedText.english("Filed"), false, 3, false))
                .state(new StateDefinition("granted", LocalizedText.english("Granted"), true, null, false))
                .action(ActionDefinition.builder("grant").from("filed").to("granted").roles("OFFICER")
                        .guards("fee_paid").build())
                .build();
        f = Fixture.unbuilt(TestDatabases.h2().dataSource(), guarded);
        assertThatThrownBy(() -> f.builder.build()).isInstanceOfSatisfying(WorkflowDefinitionException.class,
                e -> assertThat(e.problems()).extracting(DefinitionProblem::kind)
                        .containsExactly(DefinitionProblem.Kind.UNKNOWN_GUARD));
        java.util.concurrent.atomic.AtomicBoolean paid = new java.util.concurrent.atomic.AtomicBoolean();
        f.rebuild(b -> b.guard("fee_paid", (actor, application, action) -> paid.get()
                ? Optional.empty() : Optional.of(LocalizedText.english("the fee is unpaid"))));
        Application a = f.workflow.submit(applicant, "permit", "SAFP", FORM).application();
        Actor officer = Actor.staff("o1", "SAFP", "OFFICER");
        assertThatThrownBy(() -> f.workflow.perform(officer, a.id(), "grant", null, null))
                .isInstanceOfSatisfying(GcamException.class, e -> {
                    assertThat(e.code()).isEqualTo("WORKFLOW_GUARD_REFUSED");
                    assertThat(e.getMessage()).contains("the fee is unpaid");
                });
        paid.set(true);
        assertThat(f.workflow.perform(officer, a.id(), "grant", null, null).state()).isEqualTo("granted");
    }

    @Test
    void leavesNoTraceWhenAListenerFailsInsideTheTransaction() {
        Application a = submit();
        f.events.subscribe("workflow.application_transitioned", e -> {
            throw new IllegalStateException("outbox down");
        }, SynchronousEventPublisher.OnFailure.PROPAGATE);
        assertThatThrownBy(() -> f.workflow.perform(screener, a.id(), "start_screening", null, null))
                .hasMessageContaining("outbox down");
        assertThat(f.workflow.get(screener, a.id()).state()).isEqualTo("submitted");
        assertThat(f.count("SELECT COUNT(*) FROM gcam_wf_history WHERE application_id = ?", a.id())).isEqualTo(1);
        assertThat(f.count("SELECT COUNT(*) FROM gcam_audit_entry WHERE object_id = ?", a.id())).isEqualTo(1);
    }

    @Test
    void keepsTheDefinitionVersionAnApplicationStartedWith() {
        Application old = submit();
        WorkflowDefinition v2 = WorkflowDefinition.builder("recruitment", 2).start("submitted")
                .state(new StateDefinition("submitted", LocalizedText.english("Received"), false, null, false))
                .state(new StateDefinition("closed", LocalizedText.english("Closed"), true, null, false))
                .action(ActionDefinition.builder("close").from("submitted").to("closed").roles("SCREENER").build())
                .build();
        f.definitions.register(v2);
        Application fresh = submit();
        assertThat(fresh.definitionVersion()).isEqualTo(2);
        assertCode(() -> f.workflow.perform(screener, old.id(), "close", null, null), "WORKFLOW_ACTION_UNKNOWN");
        assertThat(f.workflow.perform(screener, old.id(), "start_screening", null, null).state())
                .isEqualTo("screening");
        assertThat(f.workflow.perform(screener, fresh.id(), "close", null, null).state()).isEqualTo("closed");
    }

    @Test
    void listsTheInboxByStateRoleAndAssigneeWithPagingAndCounts() {
        for (int i = 0; i < 5; i++) {
            submit();
        }
        Application screening = submit();
        f.workflow.perform(screener, screening.id(), "start_screening", null, null);
        f.workflow.assign(screener, screening.id(), "staff-s", null);
        f.workflow.submit(applicant, "recruitment", "DSAL", FORM);

        Page<Application> page = f.workflow.inbox(screener, InboxFilter.all(), PageRequest.of(0, 4));
        assertThat(page.total()).isEqualTo(6);
        assertThat(page.items()).hasSize(4);
        assertThat(f.workflow.inbox(screener, InboxFilter.all(), PageRequest.of(1, 4)).items()).hasSize(2);
        // the panel may only reject, which is possible from screening but not from submitted
        assertThat(f.workflow.inbox(panel1, InboxFilter.actionable(), PageRequest.first()).items())
                .extracting(Application::id).containsExactly(screening.id());
        assertThat(f.workflow.inbox(screener, InboxFilter.actionable(), PageRequest.first()).total()).isEqualTo(6);
        assertThat(f.workflow.inbox(screener, new InboxFilter(null, null, "staff-s", false), PageRequest.first())
                .items()).extracting(Application::id).containsExactly(screening.id());
        assertThat(f.workflow.inbox(screener, new InboxFilter("recruitment", "screening", null, false),
                PageRequest.first()).total()).isEqualTo(1);
        assertThat(f.workflow.countsByState(screener, null)).isEqualTo(Map.of("submitted", 5L, "screening", 1L));
        assertCode(() -> f.workflow.inbox(applicant, InboxFilter.all(), PageRequest.first()), "ACCESS_DENIED");
        assertThat(f.workflow.availableActions(screener, screening.id())).extracting(ActionDefinition::name)
                .containsExactly("request_documents", "invite_to_interview", "reject");
        assertThat(f.workflow.availableActions(applicant, screening.id())).extracting(ActionDefinition::name)
                .containsExactly("withdraw");
    }

    @Test
    void listsNearingAndBreachedSlasAndEscalatesEachBreachOnce() {
        Application a = submit(); // submitted, due Monday 5 Oct
        Application b = submit();
        f.workflow.perform(screener, b.id(), "start_screening", null, null); // due 5 working days later
        assertThat(f.workflow.slaNearing(screener, 1, 10)).isEmpty();
        assertThat(f.workflow.slaNearing(screener, 2, 10)).extracting(Application::id).containsExactly(a.id());
        assertThat(f.workflow.slaBreached(screener, 10)).isEmpty();
        assertThat(f.workflow.escalateBreaches(100)).isZero();

        f.clock.advance(Duration.ofDays(7)); // Tuesday 6 Oct
        assertThat(f.workflow.slaBreached(screener, 10)).extracting(Application::id).containsExactly(a.id());
        assertThat(f.workflow.escalateBreaches(100)).isEqualTo(1);
        assertThat(f.workflow.escalateBreaches(100)).isZero();
        assertThat(f.published.stream().filter(e -> e.type().equals("workflow.sla_breached")))
                .singleElement().satisfies(e -> assertThat(e.aggregateId()).isEqualTo(a.id()));
        assertThat(f.workflow.get(screener, a.id()).escalatedAt()).isNotNull();

        Application moved = f.workflow.perform(screener, a.id(), "start_screening", null, null);
        assertThat(moved.escalatedAt()).isNull();
        assertThat(moved.stateDueOn()).isEqualTo(LocalDate.of(2026, 10, 13));
    }

    @Test
    void escalatesNewBreachesEvenWhenOlderOnesFillTheBatch() {
        submit();
        submit();
        f.clock.advance(Duration.ofDays(7));
        assertThat(f.workflow.escalateBreaches(1)).isEqualTo(1);
        assertThat(f.workflow.escalateBreaches(1)).isEqualTo(1);
        assertThat(f.workflow.escalateBreaches(1)).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM gcam_wf_application WHERE escalated_at IS NOT NULL")).isEqualTo(2);
    }
}
