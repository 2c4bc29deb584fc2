package io.gcam.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.GcamException;
import io.gcam.documents.spi.ScanResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The INSTREAM protocol against a fake clamd that records what it receives. */
class ClamAvProtocolTest {

    private ServerSocket server;
    private final CompletableFuture<byte[]> received = new CompletableFuture<>();

    /** Starts a one-connection fake clamd; {@code reply} maps the streamed bytes to its answer (null: never answer). */
    private ClamAvScanner fake(long sizeLimit, Function<byte[], String> reply) throws IOException {
        server = new ServerSocket(0);
        Thread thread = new Thread(() -> {
            try (Socket s = server.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] command = new byte[10];
                in.readFully(command);
                assertThat(new String(command, StandardCharsets.US_ASCII)).isEqualTo("zINSTREAM\0");
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                OutputStream out = s.getOutputStream();
                int length;
                while ((length = in.readInt()) > 0) {
                    byte[] chunk = in.readNBytes(length);
                    data.writeBytes(chunk);
                    if (data.size() > sizeLimit) {
                        out.write("INSTREAM size limit exceeded. ERROR\0".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        received.complete(data.toByteArray());
                        return;
                    }
                }
                received.complete(data.toByteArray());
                String answer = reply.apply(data.toByteArray());
                if (answer == null) {
                    Thread.sleep(5_000);
                    return;
                }
                out.write((answer + "\0").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (Exception e) {
                received.completeExceptionally(e);
            }
        }, "fake-clamd");
        thread.setDaemon(true);
        thread.start();
        return ClamAvScanner.builder().tcp("127.0.0.1", server.getLocalPort()).chunkSize(1000)
                .timeout(Duration.ofMillis(500)).build();
    }

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void streamsTheContentInChunksAndReportsCleanContent() throws Exception {
        byte[] content = new byte[3500];
        java.util.Arrays.fill(content, (byte) 7);
        ClamAvScanner scanner = fake(Long.MAX_VALUE, data -> "stream: OK");

        assertThat(scanner.scan(new ByteArrayInputStream(content), content.length)).isEqualTo(ScanResult.clean());
        assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(content);
    }

    @Test
    void reportsTheSignatureOfAThreat() throws Exception {
        ClamAvScanner scanner = fake(Long.MAX_VALUE, data -> "stream: Eicar-Test-Signature FOUND");

        assertThat(scanner.scan(new ByteArrayInputStream(new byte[10]), 10))
                .isEqualTo(ScanResult.infected("Eicar-Test-Signature"));
    }

    @Test
    void failsWhenClamdRefusesTheSize() throws Exception {
        ClamAvScanner scanner = fake(2000, data -> "stream: OK");

        assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(new byte[100_000]), 100_000))
                .isInstanceOf(GcamException.class).extracting(e -> ((GcamException) e).code())
                .isEqualTo("DOCUMENT_SCAN_FAILED");
    }

    @Test
    void failsWhenClamdDoesNotAnswerInTime() throws Exception {
        ClamAvScanner scanner = fake(Long.MAX_VALUE, data -> null);

        assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(new byte[10]), 10))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("DOCUMENT_SCAN_FAILED");
    }

    @Test
    void failsWhenClamdIsNotListening() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ClamAvScanner scanner = ClamAvScanner.builder().tcp("127.0.0.1", port).build();

        assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(new byte[10]), 10))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("DOCUMENT_SCAN_FAILED");
        assertThat(scanner.ping()).isFalse();
    }

    @Test
    void failsOnAnErrorReply() throws Exception {
        ClamAvScanner scanner = fake(Long.MAX_VALUE, data -> "stream: Can't allocate memory ERROR");

        assertThatThrownBy(() -> scanner.scan(new ByteArrayInputStream(new byte[10]), 10))
                .extracting(e -> ((GcamException) e).code()).isEqualTo("DOCUMENT_SCAN_FAILED");
    }
}
