package io.gcam.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.core.LocalizedText;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two application instances (two connection pools on one PostgreSQL database), 50 threads each,
 * approving and rejecting the same applications at once.
 */
class WorkflowRacePostgresTest {

    private static final int APPLICATIONS = 20;
    private static final int THREADS_PER_INSTANCE = 50;

    private static final WorkflowDefinition REVIEW = WorkflowDefinition.builder("review", 1).start("submitted")
            .state(new StateDefinition("submitted", LocalizedText.english("Received"), false, 5, false))
            .state(new StateDefinition("approved", LocalizedText.english("Approved"), true, null, false))
            .state(new StateDefinition("rejected", LocalizedText.english("Rejected"), true, null, false))
            .action(ActionDefinition.builder("approve").from("submitted").to("approved").roles("REVIEWER").build())
            .action(ActionDefinition.builder("reject").from("submitted").to("rejected").roles("REVIEWER").build())
            .build();

    @Test
    void endsEveryApplicationInExactlyOneTerminalStateWithConsistentHistory() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (HikariDataSource pool1 = db.newPool(THREADS_PER_INSTANCE);
                HikariDataSource pool2 = db.newPool(THREADS_PER_INSTANCE)) {
            Fixture instance1 = new Fixture(pool1, REVIEW);
            Fixture instance2 = new Fixture(pool2, REVIEW);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < APPLICATIONS; i++) {
                ids.add(instance1.workflow.submit(Actor.applicant("citizen-" + i), "review", "SAFP", "{}")
                        .application().id());
            }
            Map<String, AtomicInteger> wins = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            ExecutorService executor = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
            try {
                for (String id : ids) {
                    CyclicBarrier start = new CyclicBarrier(2 * THREADS_PER_INSTANCE);
                    List<Future<?>> futures = new ArrayList<>();
                    for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
                        Fixture instance = t % 2 == 0 ? instance1 : instance2;
                        String action = (t / 2) % 2 == 0 ? "approve" : "reject";
                        Actor reviewer = Actor.staff("reviewer-" + t, "SAFP", "REVIEWER");
                        futures.add(executor.submit(() -> {
                            start.await();
                            try {
                                instance.workflow.perform(reviewer, id, action, null, 1L);
                                wins.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                                outcomes.computeIfAbsent("won", k -> new AtomicInteger()).incrementAndGet();
                            } catch (GcamException e) {
                                outcomes.computeIfAbsent(e.code(), k -> new AtomicInteger()).incrementAndGet();
                            }
                            return null;
                        }));
                    }
                    for (Future<?> future : futures) {
                        future.get(2, TimeUnit.MINUTES);
                    }
                }
            } finally {
                executor.shutdownNow();
            }
            // Each application: exactly one winner, every loser told CONFLICT (nothing else went wrong).
            assertThat(outcomes.keySet()).containsOnly("won", "CONFLICT");
            assertThat(outcomes.get("won").get()).isEqualTo(APPLICATIONS);
            for (String id : ids) {
                assertThat(wins.get(id).get()).as(id).isEqualTo(1);
                assertThat(instance1.count("SELECT COUNT(*) FROM gcam_wf_application WHERE id = ? AND version = 2"
                        + " AND state IN ('approved', 'rejected')", id)).as(id).isEqualTo(1);
                assertThat(instance1.count("SELECT COUNT(*) FROM gcam_wf_history WHERE application_id = ?", id))
                        .as(id).isEqualTo(2);
                assertThat(instance1.count("SELECT COUNT(*) FROM gcam_wf_history h JOIN gcam_wf_application a"
                        + " ON a.id = h.application_id WHERE h.application_id = ? AND h.seq = 2"
                        + " AND h.to_state = a.state", id)).as(id).isEqualTo(1);
                assertThat(instance1.count("SELECT COUNT(*) FROM gcam_audit_entry WHERE object_id = ?", id))
                        .as(id).isEqualTo(2);
            }
            assertThat(instance1.published.size() + instance2.published.size()).isEqualTo(2 * APPLICATIONS);
            assertThat(instance1.audit.verify().ok()).isTrue();
        }
    }

    @Test
    void escalatesEachBreachExactlyOnceWhenTwoInstancesRunTheWorkerAtOnce() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (HikariDataSource pool1 = db.newPool(8); HikariDataSource pool2 = db.newPool(8)) {
            Fixture instance1 = new Fixture(pool1, REVIEW);
            Fixture instance2 = new Fixture(pool2, REVIEW);
            for (int i = 0; i < APPLICATIONS; i++) {
                instance1.workflow.submit(Actor.applicant("citizen-" + i), "review", "SAFP", "{}");
            }
            instance1.clock.advance(java.time.Duration.ofDays(30));
            instance2.clock.advance(java.time.Duration.ofDays(30));
            ExecutorService executor = Executors.newFixedThreadPool(8);
            try {
                CyclicBarrier start = new CyclicBarrier(8);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    Fixture instance = t % 2 == 0 ? instance1 : instance2;
                    runs.add(executor.submit(() -> {
                        start.await();
                        return instance.workflow.escalateBreaches(1000);
                    }));
                }
                int escalated = 0;
                for (Future<Integer> run : runs) {
                    escalated += run.get(2, TimeUnit.MINUTES);
                }
                assertThat(escalated).isEqualTo(APPLICATIONS);
            } finally {
                executor.shutdownNow();
            }
            long events = java.util.stream.Stream.concat(instance1.published.stream(), instance2.published.stream())
                    .filter(e -> e.type().equals("workflow.sla_breached")).count();
            assertThat(events).isEqualTo(APPLICATIONS);
            assertThat(instance1.count("SELECT COUNT(*) FROM gcam_wf_application WHERE escalated_at IS NOT NULL"))
                    .isEqualTo(APPLICATIONS);
            assertThat(instance1.count("SELECT COUNT(*) FROM gcam_audit_entry WHERE action = 'application.sla_breached'"))
                    .isEqualTo(APPLICATIONS);
        }
    }
}
