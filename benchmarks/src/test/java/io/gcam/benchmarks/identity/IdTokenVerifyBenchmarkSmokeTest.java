package io.gcam.benchmarks.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.identity.AssuranceLevel;
import org.junit.jupiter.api.Test;

/** Runs the ID-token benchmark bodies a few times, untimed. */
class IdTokenVerifyBenchmarkSmokeTest {

    @Test
    void verifiesTheTokenWithTheCachedJwksAndTheBaselineChecksItsSignature() throws Exception {
        IdTokenVerifyBenchmark benchmark = new IdTokenVerifyBenchmark();
        benchmark.setUp();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(benchmark.gcamVerify().level()).isEqualTo(AssuranceLevel.SUBSTANTIAL);
                assertThat(benchmark.baselineNimbusVerify().getSubject()).isEqualTo("bench-subject-1");
            }
            assertThat(benchmark.jwksFetches()).isEqualTo(1);
        } finally {
            benchmark.tearDown();
        }
    }
}
