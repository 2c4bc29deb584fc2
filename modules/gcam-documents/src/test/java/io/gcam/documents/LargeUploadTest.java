package io.gcam.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 1 GiB upload goes through intake in a JVM whose heap is 128 MiB: nothing buffers the file. */
class LargeUploadTest {

    static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void acceptsAOneGibUploadWithA128MibHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                LargeUploadMain.class.getName(), dir.toString(), Long.toString(GIB))
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        String[] result = output.lines().filter(l -> l.matches("\\d+ [0-9a-f]{64} \\S+")).findFirst().orElseThrow()
                .split(" ");
        assertThat(Long.parseLong(result[0])).isEqualTo(GIB);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new LargeUploadMain.GeneratedPdf(GIB)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        assertThat(result[1]).isEqualTo(HexFormat.of().formatHex(sha.digest()));
        try (Stream<Path> blobs = Files.walk(dir.resolve("blobs"))) {
            assertThat(blobs.filter(p -> p.getFileName().toString().equals(result[2])).findFirst().orElseThrow())
                    .hasSize(GIB);
        }
        assertThat(dir.resolve("staging")).isEmptyDirectory();
    }
}
