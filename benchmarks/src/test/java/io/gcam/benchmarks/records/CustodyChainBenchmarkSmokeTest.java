package io.gcam.benchmarks.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the custody benchmark's bodies and its scenario a few times, untimed. */
class CustodyChainBenchmarkSmokeTest {

    @Test
    void appendsAVerifiableChainPerIterationAndTheBaselineInsertsAndReadsRows() throws Exception {
        CustodyChainBenchmark benchmark = new CustodyChainBenchmark();
        benchmark.setUp();
        try {
            for (int iteration = 0; iteration < 2; iteration++) {
                benchmark.newRecord();
                benchmark.gcamAppend();
                benchmark.gcamAppend();
                assertThat(benchmark.verify().ok()).isTrue();
                assertThat(benchmark.verify().entriesChecked()).isEqualTo(3);
                assertThat(benchmark.baselineInsert()).isEqualTo(1);
                assertThat(benchmark.baselineInsert()).isEqualTo(1);
                assertThat(benchmark.baselineRead()).isEqualTo(2);
            }
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void theScenarioPrintsEventsPerSecondOfAppendAndVerify() throws Exception {
        String table = CustodyChainBenchmark.run(1_200);

        assertThat(table.lines().toList()).hasSize(3);
        assertThat(table).contains("append (view, own tx)", "verify whole chain", "GCAM/baseline");
    }
}
