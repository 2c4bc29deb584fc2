package io.gcam.benchmarks.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.gcam.documents.Submission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs the intake benchmark's bodies a few times, untimed. */
class IntakeBenchmarkSmokeTest {

    @Test
    void intakeStoresNewDocumentsWithTheBaselinesHashAndKeepsOnlyTheLastBlob() throws Exception {
        IntakeBenchmark benchmark = new IntakeBenchmark();
        benchmark.setUp();
        try {
            Submission first = benchmark.gcamIntake1MiB();
            Submission second = benchmark.gcamIntake1MiB();
            String copied = benchmark.baselineCopy1MiB();
            assertThat(benchmark.baselineCopy1MiB()).isEqualTo(copied);

            assertThat(first.duplicate()).isFalse();
            assertThat(second.duplicate()).isFalse();
            assertThat(second.document().id()).isNotEqualTo(first.document().id());
            assertThat(second.document().sha256()).isEqualTo(copied);
            assertThat(second.document().size()).isEqualTo(IntakeBenchmark.ONE_MIB);
            assertThat(benchmark.gcamIntake50MiB().document().size()).isEqualTo(IntakeBenchmark.FIFTY_MIB);
            assertThat(benchmark.baselineCopy50MiB()).hasSize(64);
            try (Stream<Path> blobs = Files.walk(benchmark.blobDirectory())) {
                assertThat(blobs.filter(Files::isRegularFile)).hasSize(1);
            }
        } finally {
            benchmark.tearDown();
        }
    }
}
