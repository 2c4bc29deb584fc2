package io.gcam.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.DomainEvent;
import io.gcam.core.LocalizedText;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A state's {@code onSlaBreach} action, taken by the escalation worker on a moving clock. */
class SlaBreachActionTest {

    /** review breaches after 2 working days and then goes to a supervisor automatically. */
    static final WorkflowDefinition LICENCE = WorkflowDefinition.fromJson(new ByteArrayInputStream("""
            {"type": "licence", "version": 1, "start": "review",
             "states": [
               {"name": "review", "slaWorkingDays": 2, "onSlaBreach": "escalate",
                "label": {"en": "Under review", "zhHant": "審查中", "pt": "Em análise"}},
               {"name": "supervisor_review", "slaWorkingDays": 3,
                "label": {"en": "Under review", "zhHant": "審查中", "pt": "Em análise"}},
               {"name": "granted", "terminal": true,
                "label": {"en": "Granted", "zhHant": "已批准", "pt": "Concedida"}}
             ],
             "actions": [
               {"name": "escalate", "from": ["review"], "to": "supervisor_review", "roles": ["SUPERVISOR"],
                "commentRequired": true, "guards": ["not_on_hold"]},
               {"name": "grant", "from": ["review", "supervisor_review"], "to": "granted",
                "roles": ["OFFICER", "SUPERVISOR"]}
             ]}
            """.getBytes(StandardCharsets.UTF_8)));

    private static Fixture fixture(javax.sql.DataSource pool, List<String> onHold) {
        return Fixture.unbuilt(pool, LICENCE).rebuild(b -> b.guard("not_on_hold", (actor, application, action) ->
                onHold.contains(application.referenceNumber())
                        ? Optional.of(LocalizedText.english("the application is on hold")) : Optional.empty()));
    }

    @Test
    void takesTheStatesBreachActionAsTheSystemOnceTheSlaIsBreached() {
        Fixture f = fixture(TestDatabases.h2().dataSource(), List.of());
        Application a = f.workflow.submit(Actor.applicant("citizen-1"), "licence", "IACM", "{}").application();
        // Tue 29 Sep + 2 working days: Wed 30 Sep, (1 and 2 Oct are holidays, then the weekend) Mon 5 Oct
        assertThat(a.stateDueOn()).isEqualTo(LocalDate.of(2026, 10, 5));

        f.clock.advance(Duration.ofDays(6)); // Monday 5 Oct: due today, not breached
        assertThat(f.workflow.escalateBreaches(100)).isZero();
        assertThat(f.workflow.get(Actor.system("t"), a.id()).state()).isEqualTo("review");

        f.clock.advance(Duration.ofDays(1)); // Tuesday 6 Oct: breached
        assertThat(f.workflow.escalateBreaches(100)).isEqualTo(1);
        Application moved = f.workflow.get(Actor.system("t"), a.id());
        assertThat(moved.state()).isEqualTo("supervisor_review");
        assertThat(moved.escalatedAt()).isNull(); // the new state's SLA starts afresh
        assertThat(moved.stateDueOn()).isEqualTo(LocalDate.of(2026, 10, 9)); // 3 working days from Tue 6 Oct
        assertThat(moved.lastActorId()).isEqualTo(WorkflowService.ESCALATION_ACTOR);
        HistoryEntry last = f.workflow.history(Actor.staff("s", "IACM", "SUPERVISOR"), a.id()).get(1);
        assertThat(last.action()).isEqualTo("escalate");
        assertThat(last.actorId()).isEqualTo(WorkflowService.ESCALATION_ACTOR);
        assertThat(last.comment()).isEqualTo("SLA breached: due 2026-10-05");
        assertThat(f.published).extracting(DomainEvent::type).containsSubsequence(
                "workflow.application_submitted", "workflow.application_transitioned", "workflow.sla_breached");
        assertThat(f.published).filteredOn(e -> e.type().equals("workflow.sla_breached")).singleElement()
                .satisfies(e -> assertThat(e.payload()).containsEntry("action", "escalate")
                        .doesNotContainKey("actionRefused"));
        assertThat(f.count("SELECT COUNT(*) FROM gcam_audit_entry WHERE action = 'application.escalate'")).isOne();

        assertThat(f.workflow.escalateBreaches(100)).isZero();
        assertThat(f.workflow.history(Actor.system("t"), a.id())).hasSize(2);
    }

    @Test
    void escalatesWithoutMovingWhenTheBreachActionIsRefused() {
        List<String> onHold = new ArrayList<>();
        Fixture f = fixture(TestDatabases.h2().dataSource(), onHold);
        Application a = f.workflow.submit(Actor.applicant("citizen-1"), "licence", "IACM", "{}").application();
        onHold.add(a.referenceNumber());
        f.clock.advance(Duration.ofDays(7));

        assertThat(f.workflow.escalateBreaches(100)).isEqualTo(1);
        Application stayed = f.workflow.get(Actor.system("t"), a.id());
        assertThat(stayed.state()).isEqualTo("review");
        assertThat(stayed.escalatedAt()).isNotNull();
        assertThat(f.published).filteredOn(e -> e.type().equals("workflow.sla_breached")).singleElement()
                .satisfies(e -> assertThat(e.payload()).containsEntry("actionRefused", "WORKFLOW_GUARD_REFUSED"));
        assertThat(f.workflow.escalateBreaches(100)).isZero();
    }

    @Test
    void rejectsABreachActionThatCannotBeTakenFromTheState() {
        assertThatThrownBy(() -> WorkflowDefinition.builder("t", 1).start("a")
                .state(new StateDefinition("a", LocalizedText.english("A"), false, 2, false, "finish"))
                .state(new StateDefinition("b", LocalizedText.english("B"), false, null, false, "nothing"))
                .state(new StateDefinition("c", LocalizedText.english("C"), false, 2, false, "go"))
                .state(new StateDefinition("done", LocalizedText.english("Done"), true, null, false))
                .action(ActionDefinition.builder("go").from("a").to("b").roles("R").build())
                .action(ActionDefinition.builder("back").from("b").to("c").byApplicant().build())
                .action(ActionDefinition.builder("finish").from("b", "c").to("done").roles("R").approvals(2).build())
                .build())
                .isInstanceOfSatisfying(WorkflowDefinitionException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::kind, DefinitionProblem::where).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple(DefinitionProblem.Kind.INVALID_BREACH_ACTION,
                                        "state a"), // not from a, and two approvals
                                org.assertj.core.groups.Tuple.tuple(DefinitionProblem.Kind.INVALID_BREACH_ACTION,
                                        "state a"),
                                org.assertj.core.groups.Tuple.tuple(DefinitionProblem.Kind.INVALID_BREACH_ACTION,
                                        "state b"), // no SLA
                                org.assertj.core.groups.Tuple.tuple(DefinitionProblem.Kind.INVALID_BREACH_ACTION,
                                        "state b"), // unknown action
                                org.assertj.core.groups.Tuple.tuple(DefinitionProblem.Kind.INVALID_BREACH_ACTION,
                                        "state c"))); // not from c
    }

    @Test
    void movesEachBreachedApplicationExactlyOnceWhenTwoInstancesRunTheWorker() throws Exception {
        int applications = 20;
        int workers = 8;
        TestDatabase db = TestDatabases.postgres();
        try (HikariDataSource pool1 = db.newPool(workers); HikariDataSource pool2 = db.newPool(workers)) {
            Fixture instance1 = fixture(pool1, List.of());
            Fixture instance2 = fixture(pool2, List.of());
            for (int i = 0; i < applications; i++) {
                instance1.workflow.submit(Actor.applicant("citizen-" + i), "licence", "IACM", "{}");
            }
            instance1.clock.advance(Duration.ofDays(10));
            instance2.clock.advance(Duration.ofDays(10));
            ExecutorService executor = Executors.newFixedThreadPool(workers);
            int escalated = 0;
            try {
                CyclicBarrier start = new CyclicBarrier(workers);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int t = 0; t < workers; t++) {
                    Fixture instance = t % 2 == 0 ? instance1 : instance2;
                    runs.add(executor.submit(() -> {
                        start.await();
                        return instance.workflow.escalateBreaches(1000);
                    }));
                }
                for (Future<Integer> run : runs) {
                    escalated += run.get(2, TimeUnit.MINUTES);
                }
            } finally {
                executor.shutdownNow();
            }
            assertThat(escalated).isEqualTo(applications);
            assertThat(instance1.count("SELECT COUNT(*) FROM gcam_wf_application WHERE state = 'supervisor_review'"))
                    .isEqualTo(applications);
            assertThat(instance1.count("SELECT COUNT(*) FROM gcam_wf_history WHERE action = 'escalate'"))
                    .isEqualTo(applications);
            assertThat(instance1.count("SELECT COUNT(*) FROM gcam_audit_entry WHERE action = 'application.sla_breached'"))
                    .isEqualTo(applications);
            assertThat(instance1.count("SELECT COUNT(*) FROM gcam_wf_history h WHERE h.seq <> (SELECT COUNT(*)"
                    + " FROM gcam_wf_history h2 WHERE h2.application_id = h.application_id AND h2.seq <= h.seq)"))
                    .isZero();
        }
    }
}
