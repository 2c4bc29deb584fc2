package io.gcam.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.GcamException;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import io.gcam.workflow.jdbc.JdbcInquiryLimitStore;
import java.time.Duration;
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
 * Two application instances (two connection pools on one PostgreSQL database, each with its own
 * {@link StatusInquiries}) guessing access codes for one reference number at once: the limit holds
 * for the deployment, not per instance.
 */
class StatusInquiriesPostgresTest {

    private static final int THREADS_PER_INSTANCE = 20;
    private static final int MAX_FAILURES = 5;

    @Test
    void letsNoMoreGuessesThroughAcrossInstancesThanTheLimit() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (HikariDataSource pool1 = db.newPool(THREADS_PER_INSTANCE);
                HikariDataSource pool2 = db.newPool(THREADS_PER_INSTANCE)) {
            Fixture instance1 = new Fixture(pool1);
            Fixture instance2 = new Fixture(pool2);
            StatusInquiries inquiries1 = inquiries(instance1, pool1);
            StatusInquiries inquiries2 = inquiries(instance2, pool2);
            Submission submission = instance1.workflow.submit(Actor.applicant("citizen-1"), "recruitment", "SAFP",
                    "{}");
            String reference = submission.application().referenceNumber();

            Map<String, AtomicInteger> outcomes = race(2 * THREADS_PER_INSTANCE, t -> {
                StatusInquiries instance = t % 2 == 0 ? inquiries1 : inquiries2;
                instance.inquire(reference, "WRONG-" + t, "client-" + t);
            });

            // every guess reached the code check or was limited; exactly MAX_FAILURES reached it
            assertThat(outcomes.get("WORKFLOW_INQUIRY_FAILED")).hasValue(MAX_FAILURES);
            assertThat(outcomes.get("WORKFLOW_INQUIRY_LIMITED")).hasValue(2 * THREADS_PER_INSTANCE - MAX_FAILURES);
            assertThat(outcomes).doesNotContainKey("ok");
            // the right code is refused too while the window lasts, on either instance
            assertThat(code(() -> inquiries2.inquire(reference, submission.accessCode(), "fresh")))
                    .isEqualTo("WORKFLOW_INQUIRY_LIMITED");
            instance1.clock.advance(Duration.ofMinutes(16));
            instance2.clock.advance(Duration.ofMinutes(16));
            assertThat(inquiries2.inquire(reference, submission.accessCode(), "fresh").referenceNumber())
                    .isEqualTo(reference);
        }
    }

    @Test
    void limitsOneClientAcrossInstancesWhateverReferencesItTries() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (HikariDataSource pool1 = db.newPool(THREADS_PER_INSTANCE);
                HikariDataSource pool2 = db.newPool(THREADS_PER_INSTANCE)) {
            StatusInquiries inquiries1 = inquiries(new Fixture(pool1), pool1);
            StatusInquiries inquiries2 = inquiries(new Fixture(pool2), pool2);

            Map<String, AtomicInteger> outcomes = race(2 * THREADS_PER_INSTANCE, t -> {
                StatusInquiries instance = t % 2 == 0 ? inquiries1 : inquiries2;
                instance.inquire(String.format("REC-2026-%06d-00", t), "WRONG", "one-client");
            });

            assertThat(outcomes.get("WORKFLOW_INQUIRY_FAILED")).hasValue(MAX_FAILURES);
            assertThat(outcomes.get("WORKFLOW_INQUIRY_LIMITED")).hasValue(2 * THREADS_PER_INSTANCE - MAX_FAILURES);
        }
    }

    private static StatusInquiries inquiries(Fixture instance, HikariDataSource pool) {
        return StatusInquiries.builder()
                .workflow(instance.workflow)
                .limits(JdbcInquiryLimitStore.create(pool))
                .clock(instance.clock)
                .maxFailures(MAX_FAILURES)
                .window(Duration.ofMinutes(15))
                .build();
    }

    private interface Attempt {
        void run(int thread);
    }

    private static Map<String, AtomicInteger> race(int threads, Attempt attempt) throws Exception {
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    String outcome;
                    try {
                        attempt.run(thread);
                        outcome = "ok";
                    } catch (GcamException e) {
                        outcome = e.code();
                    }
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            executor.shutdownNow();
        }
        return outcomes;
    }

    private static String code(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (GcamException e) {
            return e.code();
        }
    }
}
