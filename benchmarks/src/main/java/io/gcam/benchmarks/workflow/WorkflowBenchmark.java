package io.gcam.benchmarks.workflow;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.LocalizedText;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.workflow.ActionDefinition;
import io.gcam.workflow.StateDefinition;
import io.gcam.workflow.WorkflowDefinition;
import io.gcam.workflow.WorkflowDefinitions;
import io.gcam.workflow.WorkflowService;
import io.gcam.workflow.jdbc.JdbcApplicationStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

/**
 * Scenario runner for issue 5: applications taken through submit → review → approve by
 * gcam-workflow's {@link WorkflowService} on its JDBC store, and by the Flowable 7 engine running the
 * equivalent BPMN process with two user tasks, on the same embedded PostgreSQL server (a fresh
 * database each) in the same run. Prints both throughputs (completed applications per second) and
 * the ratio GCAM / Flowable.
 *
 * <p>What each side does per application:
 * <ul>
 *   <li>GCAM: {@code submit} (access code hashed with PBKDF2, reference number from a sequence row
 *       in its own short transaction,
 *       application row, history row, audit entry, event), {@code perform(review)} and
 *       {@code perform(approve)} (role and state checks, compare-and-set on the version, history row,
 *       audit entry, event) — three transactions.</li>
 *   <li>Flowable: {@code startProcessInstanceByKey} with the applicant and form as variables, then
 *       twice a task query by process instance and candidate group and {@code complete(taskId, userId)} — history
 *       level {@code audit}, the async executor off — three engine transactions plus two queries.</li>
 * </ul>
 *
 * <p>In each round both sides get a fresh database and take turns in batches of 50 applications, so
 * that a change in the machine's load hits both alike; the median of the rounds' ratios is printed
 * last. GCAM takes its reference numbers from {@code JdbcSequenceStore.reserving(pool, 100)}, as
 * Flowable reserves its identifiers in blocks.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.gcam.benchmarks.workflow.WorkflowBenchmark
 * [applications] [threads] [rounds]} (defaults 1000, 1 and 3).
 */
public final class WorkflowBenchmark {

    static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="http://gcam.io/benchmarks">
              <process id="application" name="Application" isExecutable="true">
                <startEvent id="submitted"/>
                <sequenceFlow id="f1" sourceRef="submitted" targetRef="review"/>
                <userTask id="review" name="Review" flowable:candidateGroups="REVIEWER"/>
                <sequenceFlow id="f2" sourceRef="review" targetRef="approve"/>
                <userTask id="approve" name="Approve" flowable:candidateGroups="APPROVER"/>
                <sequenceFlow id="f3" sourceRef="approve" targetRef="approved"/>
                <endEvent id="approved"/>
              </process>
            </definitions>
            """;

    static final WorkflowDefinition DEFINITION = WorkflowDefinition.builder("application", 1)
            .start("submitted")
            .state(new StateDefinition("submitted", LocalizedText.english("Received"), false, 5, false))
            .state(new StateDefinition("reviewed", LocalizedText.english("Under review"), false, 5, false))
            .state(new StateDefinition("approved", LocalizedText.english("Approved"), true, null, false))
            .action(ActionDefinition.builder("review").from("submitted").to("reviewed").roles("REVIEWER").build())
            .action(ActionDefinition.builder("approve").from("reviewed").to("approved").roles("APPROVER").build())
            .build();

    private static final String FORM = "{\"post\":\"clerk\",\"name\":\"Applicant\"}";
    /** How many applications one side takes through before the other side's turn. */
    private static final int BATCH = 50;
    private static final Actor REVIEWER = Actor.staff("reviewer-1", "BENCH", "REVIEWER");
    private static final Actor APPROVER = Actor.staff("approver-1", "BENCH", "APPROVER");

    private WorkflowBenchmark() {
    }

    /**
     * @param args optional: applications (1000), threads (1), rounds (3)
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // A warm-up round (JIT, server caches), then the measured rounds. In a round both sides run on
        // their own fresh database and take turns in batches of 50 applications, so that a change in
        // the machine's load hits both alike; the median round decides.
        interleaved(applications / 5, threads);
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Result[] results = interleaved(applications, threads);
            print("GCAM    ", results[0], applications);
            print("Flowable", results[1], applications);
            double ratio = results[0].perSecond(applications) / results[1].perSecond(applications);
            System.out.printf(Locale.ROOT, "round %d: ratio GCAM/Flowable = %.2f%n", round, ratio);
            ratios.add(ratio);
        }
        ratios.sort(null);
        System.out.printf(Locale.ROOT, "ratio GCAM/Flowable = %.2f, median of %d rounds %s (target >= 3)%n",
                ratios.get(ratios.size() / 2), rounds, format(ratios));
        System.exit(0); // the embedded PostgreSQL server stops in a shutdown hook
    }

    private static String format(List<Double> ratios) {
        List<String> texts = new ArrayList<>();
        for (double ratio : ratios) {
            texts.add(String.format(Locale.ROOT, "%.2f", ratio));
        }
        return texts.toString();
    }

    /**
     * One round: {@code applications} applications through GCAM and through Flowable, each on a fresh
     * PostgreSQL database, in alternating batches of {@value #BATCH}.
     *
     * @param applications how many per side
     * @param threads how many threads share a batch
     * @return GCAM's result, then Flowable's
     * @throws Exception when a run fails
     */
    static Result[] interleaved(int applications, int threads) throws Exception {
        try (HikariDataSource gcamPool = TestDatabases.postgres().newPool(threads + 2);
                HikariDataSource flowablePool = TestDatabases.postgres().newPool(threads + 2)) {
            WorkflowService workflow = gcamService(gcamPool);
            ProcessEngine engine = flowableEngine(flowablePool);
            try {
                long gcamNanos = 0;
                long flowableNanos = 0;
                for (int first = 0; first < applications; first += BATCH) {
                    int offset = first;
                    int size = Math.min(BATCH, applications - first);
                    gcamNanos += race(size, threads, i -> gcamApplication(workflow, offset + i));
                    flowableNanos += race(size, threads, i -> flowableApplication(engine, offset + i));
                }
                return new Result[] {
                    new Result(gcamNanos, count(gcamPool,
                            "SELECT COUNT(*) FROM gcam_wf_application WHERE state = 'approved'")),
                    new Result(flowableNanos, engine.getHistoryService().createHistoricProcessInstanceQuery()
                            .finished().count())};
            } finally {
                engine.close();
            }
        }
    }

    private static void gcamApplication(WorkflowService workflow, int i) {
        String id = workflow.submit(Actor.applicant("applicant-" + i), "application", "BENCH", FORM)
                .application().id();
        workflow.perform(REVIEWER, id, "review", null, 1L);
        workflow.perform(APPROVER, id, "approve", null, 2L);
    }

    private static void flowableApplication(ProcessEngine engine, int i) {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("application",
                "applicant-" + i, Map.of("applicant", "applicant-" + i, "agency", "BENCH", "formData", FORM));
        complete(engine, instance.getId(), "REVIEWER", "reviewer-1");
        complete(engine, instance.getId(), "APPROVER", "approver-1");
    }

    /**
     * The outcome of one run.
     *
     * @param nanos wall time of the timed part
     * @param completed applications that reached the approved end
     */
    record Result(long nanos, long completed) {
        double perSecond(int applications) {
            return applications / (nanos / 1e9);
        }
    }

    private static void print(String name, Result r, int applications) {
        System.out.printf(Locale.ROOT, "%s: %d applications in %.2f s = %.0f applications/s; completed %d%n",
                name, applications, r.nanos() / 1e9, r.perSecond(applications), r.completed());
    }

    static WorkflowService gcamService(DataSource pool) {
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "workflow");
        LocalTransactions tx = LocalTransactions.over(pool);
        return WorkflowService.builder()
                .definitions(WorkflowDefinitions.of(DEFINITION))
                .store(JdbcApplicationStore.create(tx.dataSource()))
                .referenceNumbers(ReferenceNumberGenerator.builder().name("application")
                        .format("APP-[cy:yyyy]-[SEQ:6]-[CHK]").store(JdbcSequenceStore.reserving(pool, 100))
                        .build())
                .transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                .events(event -> { })
                .build();
    }

    static ProcessEngine flowableEngine(DataSource pool) {
        ProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration()
                .setDataSource(pool)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setAsyncExecutorActivate(false)
                .setHistoryLevel(HistoryLevel.AUDIT);
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addString("application.bpmn20.xml", BPMN).deploy();
        return engine;
    }

    private static void complete(ProcessEngine engine, String processInstanceId, String group, String user) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskCandidateGroup(group).singleResult();
        if (task == null) {
            throw new IllegalStateException("no " + group + " task for process instance " + processInstanceId);
        }
        engine.getTaskService().complete(task.getId(), user); // records who completed it, as GCAM's history does
    }

    @FunctionalInterface
    interface Attempt {
        void run(int index);
    }

    static long race(int attempts, int threads, Attempt attempt) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(executor.submit(() -> {
                go.await();
                for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
                    attempt.run(i);
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            executor.shutdown();
        }
        return System.nanoTime() - start;
    }

    private static long count(DataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
