package io.gcam.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gcam.documents.spi.ScanResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ClamAV adapter against a real clamd (Debian package {@code clamav-daemon}) that this test
 * starts with its own configuration and a one-signature database: the MD5 of the EICAR test string
 * in a {@code .hdb} file. No freshclam, no network. Skipped when clamd is not installed, except on
 * CI ({@code CI=true}), where it fails instead.
 */
class ClamAvDaemonTest {

    static final byte[] EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path dir;

    static Process clamd;
    static Path socket;

    @BeforeAll
    static void startClamd() throws Exception {
        Path binary = List.of(Path.of("/usr/sbin/clamd"), Path.of("/usr/bin/clamd"), Path.of("/usr/local/sbin/clamd"))
                .stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("clamd is not installed, but CI=true: install the Debian package clamav-daemon (.ci/run does)");
            }
            assumeTrue(false, "clamd is not installed: install the Debian package clamav-daemon to run this test");
        }
        Path db = Files.createDirectories(dir.resolve("db"));
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(EICAR));
        Files.writeString(db.resolve("gcam-test.hdb"), md5 + ":" + EICAR.length + ":Gcam.Test.Eicar\n");
        socket = dir.resolve("clamd.sock");
        Path config = dir.resolve("clamd.conf");
        Files.writeString(config, String.join("\n",
                "Foreground yes",
                "LocalSocket " + socket,
                "DatabaseDirectory " + db,
                "LogFile " + dir.resolve("clamd.log"),
                "PidFile " + dir.resolve("clamd.pid"),
                "TemporaryDirectory " + dir,
                "StreamMaxLength 1M",
                "ReadTimeout 10",
                "") );
        clamd = new ProcessBuilder(binary.toString(), "--config-file=" + config)
                .redirectErrorStream(true).redirectOutput(dir.resolve("clamd.out").toFile()).start();
        ClamAvScanner scanner = scanner();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!scanner.ping()) {
            if (!clamd.isAlive() || System.nanoTime() > deadline) {
                fail("clamd did not start: " + Files.readString(dir.resolve("clamd.out")));
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopClamd() throws InterruptedException {
        if (clamd != null) {
            clamd.destroy();
            if (!clamd.waitFor(10, TimeUnit.SECONDS)) {
                clamd.destroyForcibly();
            }
        }
    }

    static ClamAvScanner scanner() {
        return ClamAvScanner.builder().unixSocket(socket).timeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void findsTheEicarTestFile() {
        assertThat(scanner().scan(new ByteArrayInputStream(EICAR), EICAR.length))
                .isEqualTo(ScanResult.infected("Gcam.Test.Eicar.UNOFFICIAL"));
    }

    @Test
    void passesCleanContent() {
        byte[] pdf = Corpus.pdf();
        assertThat(scanner().scan(new ByteArrayInputStream(pdf), pdf.length)).isEqualTo(ScanResult.clean());
    }

    @Test
    void refusesContentOverClamdsStreamLimit() {
        byte[] big = new byte[2 << 20];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scanner().scan(new ByteArrayInputStream(big), big.length))
                .extracting(e -> ((io.gcam.core.GcamException) e).code()).isEqualTo("DOCUMENT_SCAN_FAILED");
    }

    @Test
    void answersPing() throws IOException {
        assertThat(scanner().ping()).isTrue();
    }
}
