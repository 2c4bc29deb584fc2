package io.gcam.benchmarks.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs both sides of the workflow scenario on a few applications, untimed. */
class WorkflowBenchmarkSmokeTest {

    @Test
    void gcamTakesEveryApplicationToApproved() throws Exception {
        assertThat(WorkflowBenchmark.gcam(6, 2).completed()).isEqualTo(6);
    }

    @Test
    void flowableFinishesEveryProcessInstance() throws Exception {
        assertThat(WorkflowBenchmark.flowable(6, 2).completed()).isEqualTo(6);
    }
}
