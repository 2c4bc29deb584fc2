package io.gcam.benchmarks.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs both sides of the workflow scenario on a few applications, untimed. */
class WorkflowBenchmarkSmokeTest {

    @Test
    void bothSidesTakeEveryApplicationToTheEndAcrossSeveralBatches() throws Exception {
        WorkflowBenchmark.Result[] results = WorkflowBenchmark.interleaved(60, 2);

        assertThat(results[0].completed()).as("GCAM applications approved").isEqualTo(60);
        assertThat(results[1].completed()).as("Flowable process instances finished").isEqualTo(60);
    }
}
