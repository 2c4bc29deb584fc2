package io.gcam.benchmarks.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.benchmarks.ScenarioRunner;
import io.gcam.benchmarks.ScenarioRunner.Scenario;
import io.gcam.benchmarks.ScenarioRunner.Throughput;
import io.gcam.core.AuditEntry;
import io.gcam.core.ReferenceNumber;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Runs each benchmark body a few times, untimed, so that a broken benchmark fails {@code verify}
 * without the build ever running the measurements.
 */
class BenchmarkSmokeTest {

    @Test
    void auditBenchmarkAppendsAnUnbrokenChainAndItsBaselineInsertsRows() throws Exception {
        AuditAppendBenchmark benchmark = new AuditAppendBenchmark();
        benchmark.setUp();
        try {
            for (int iteration = 0; iteration < 2; iteration++) {
                benchmark.emptyTables();
                AuditEntry first = benchmark.gcamAppend();
                AuditEntry second = benchmark.gcamAppend();
                assertThat(first.index()).isEqualTo(1);
                assertThat(second.index()).isEqualTo(2);
                assertThat(second.previousHash()).isEqualTo(first.hash());
                assertThat(benchmark.audit().verify().ok()).isTrue();
                assertThat(benchmark.baselineInsert()).isEqualTo(1);
                assertThat(benchmark.baselineInsert()).isEqualTo(1);
            }
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void referenceNumberBenchmarkIssuesConsecutiveValidNumbersAndItsBaselineCounts() throws Exception {
        ReferenceNumberBenchmark benchmark = new ReferenceNumberBenchmark();
        benchmark.setUp();
        try {
            ReferenceNumber first = benchmark.gcamNext();
            ReferenceNumber second = benchmark.gcamNext();
            assertThat(first.sequence()).isEqualTo(1);
            assertThat(second.sequence()).isEqualTo(2);
            assertThat(benchmark.generator().isValid(second.value())).isTrue();
            assertThat(benchmark.baselineIncrement()).isEqualTo(1);
            assertThat(benchmark.baselineIncrement()).isEqualTo(2);
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void everyScenarioNamesTwoBenchmarksThatJmhGenerated() throws IOException {
        String benchmarkList;
        try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(list).as("META-INF/BenchmarkList written by the JMH annotation processor").isNotNull();
            benchmarkList = new String(list.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Scenario scenario : ScenarioRunner.SCENARIOS) {
            for (String method : new String[] {scenario.gcamMethod(), scenario.baselineMethod()}) {
                assertThat(hasBenchmarkAnnotation(scenario.benchmarkClass(), method))
                        .as(scenario.benchmarkClass().getSimpleName() + "." + method + " is a @Benchmark")
                        .isTrue();
                assertThat(benchmarkList).contains(scenario.benchmarkClass().getPackageName() + ".jmh_generated."
                        + scenario.benchmarkClass().getSimpleName() + "_" + method + "_jmhTest");
            }
        }
    }

    @Test
    void tableShowsTheRatioOfGcamToBaselineThroughput() {
        Scenario audit = ScenarioRunner.SCENARIOS.get(0);
        String table = ScenarioRunner.table(Map.of(
                audit.gcamBenchmark(), new Throughput(2_500, 100),
                audit.baselineBenchmark(), new Throughput(10_000, Double.NaN)));

        assertThat(table.lines().toList().get(1))
                .contains(audit.name(), "2,500 ± 100", "10,000", "0.25");
        assertThat(table.lines().toList().get(2)).endsWith("-");
        assertThat(table.lines().map(String::length).distinct().toList())
                .as("columns line up, however long a scenario's name").hasSize(1);
    }

    @Test
    void interleavedRunMeasuresBothSidesOfEveryScenario() {
        Map<String, Throughput> results = ScenarioRunner.interleaved(Duration.ofMillis(20), Duration.ofMillis(40));

        for (Scenario scenario : ScenarioRunner.SCENARIOS) {
            assertThat(results.get(scenario.gcamBenchmark()).score()).as(scenario.gcamBenchmark()).isPositive();
            assertThat(results.get(scenario.baselineBenchmark()).score()).as(scenario.baselineBenchmark()).isPositive();
        }
    }

    private static boolean hasBenchmarkAnnotation(Class<?> type, String method) {
        return Arrays.stream(type.getMethods())
                .anyMatch(m -> m.getName().equals(method) && m.isAnnotationPresent(Benchmark.class));
    }
}
