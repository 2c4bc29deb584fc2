package io.gcam.benchmarks.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the profile benchmark bodies a few times, untimed. */
class ProfileSaveLoadBenchmarkSmokeTest {

    @Test
    void savesNewVersionsAndLoadsThemOnBothSides() throws Exception {
        ProfileSaveLoadBenchmark benchmark = new ProfileSaveLoadBenchmark();
        benchmark.setUp();
        try {
            assertThat(benchmark.gcamSaveLoad().version()).isEqualTo(2);
            assertThat(benchmark.gcamSaveLoad().version()).isEqualTo(3);
            assertThat(benchmark.gcamLoad().version()).isEqualTo(3);
            String phone = benchmark.baselineSaveLoad().phone();
            assertThat(benchmark.baselineSaveLoad().phone()).isNotEqualTo(phone);
            assertThat(benchmark.baselineLoad().familyName()).isEqualTo("CHAN");
        } finally {
            benchmark.tearDown();
        }
    }
}
